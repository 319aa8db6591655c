// The sweep's journal: what makes a sweep resumable. One header line naming the spec's hash,
// then one line per point, appended a chunk at a time; a line counts only once its newline is
// on disk, so a write cut off by an interruption is ignored (and cut off) when the same sweep
// is run again.
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>

#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "sweep/sweep_internal.hpp"

namespace ricardo::detail {
namespace {

constexpr std::uint64_t kMissing = std::numeric_limits<std::uint64_t>::max();

std::string Header(const std::string& hash) {
  return fmt::format("# ricardo sweep journal, spec sha256 {}\n", hash);
}

[[noreturn]] void FailIo(const std::filesystem::path& path, const std::string& what) {
  throw OutputError(Location{path.string(), 0, 0, ""},
                    fmt::format("{}: {}", what, std::strerror(errno)),
                    "check the folder is writable and the disk has room");
}

}  // namespace

SweepJournal::SweepJournal(const std::filesystem::path& directory, const std::string& spec_sha256,
                           std::size_t points, std::size_t values_per_point)
    : path_(directory / kSweepJournalName),
      hash_(spec_sha256),
      values_(values_per_point),
      offsets_(points, kMissing) {
  // Opened without truncating and locked before it is read, so two sweeps started on the same
  // folder cannot interleave their lines: the second is refused.
  file_.reset(std::fopen(path_.c_str(), "ab"));
  if (!file_) FailIo(path_, "cannot open the sweep journal");
  if (flock(fileno(file_.get()), LOCK_EX | LOCK_NB) != 0)
    throw OutputError(Location{directory.string(), 0, 0, ""},
                      "is being written by another `ricardo sweep` (its journal is locked)",
                      "wait for that sweep to end, or give another --out");
  std::string bytes;
  {
    std::ifstream in(path_, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const std::string header = Header(hash_);
  const bool ours = bytes.size() >= header.size()
                        ? bytes.compare(0, header.size(), header) == 0
                        : header.compare(0, bytes.size(), bytes) == 0;  // cut inside the header
  if (!ours) {
    const std::size_t at = bytes.find("sha256 ");
    std::string other = at == std::string::npos ? "unknown" : bytes.substr(at + 7, 64);
    throw OutputError(Location{directory.string(), 0, 0, ""},
                      fmt::format("holds a sweep of another spec (sha256 {}), not of this one "
                                  "(sha256 {})",
                                  other.substr(0, other.find('\n')), hash_),
                      "use another --out, or --restart to discard it");
  }
  if (bytes.size() < header.size()) bytes = header;
  Index(header.size(), bytes.substr(header.size()));
  const std::uint64_t complete = header.size() + size_;
  size_ = complete;
  if (complete == bytes.size() && complete > header.size()) return;
  // New, or its last line was cut off by an interruption: cut back to the header and every
  // complete line, so the next append starts a line of its own.
  if (ftruncate(fileno(file_.get()), 0) != 0) FailIo(path_, "cannot rewrite the sweep journal");
  if (std::fwrite(bytes.data(), 1, complete, file_.get()) != complete ||
      std::fflush(file_.get()) != 0)
    FailIo(path_, "cannot write the sweep journal");
}

SweepJournal::~SweepJournal() = default;

void SweepJournal::Index(std::uint64_t from_offset, const std::string& bytes) {
  std::size_t begin = 0;
  for (;;) {
    const std::size_t end = bytes.find('\n', begin);
    if (end == std::string::npos) break;  // an unfinished line: ignored
    ++line_number_;
    const std::string_view line(bytes.data() + begin, end - begin);
    // point,converged,values: the fields are counted, the point number read.
    std::size_t commas = 0;
    for (const char c : line) commas += c == ',' ? 1 : 0;
    std::uint64_t point = kMissing;
    const std::size_t comma = line.find(',');
    try {
      point = std::stoull(std::string(line.substr(0, comma)));
    } catch (const std::exception&) {
    }
    if (commas != values_ + 1 || point >= offsets_.size()) {
      throw DataError(Location{path_.string(), line_number_, 1, ""},
                      "is not a line of this sweep's journal",
                      "the folder's journal was edited or damaged; run again with --restart");
    }
    if (offsets_[point] == kMissing) {
      offsets_[point] = from_offset + begin;
      ++found_;
    }
    begin = end + 1;
  }
  size_ += begin;
}

bool SweepJournal::Has(std::size_t first, std::size_t last) const {
  for (std::size_t k = first; k < last; ++k) {
    if (offsets_[k] == kMissing) return false;
  }
  return true;
}

void SweepJournal::Append(const std::string& lines) {
  if (std::fwrite(lines.data(), 1, lines.size(), file_.get()) != lines.size() ||
      std::fflush(file_.get()) != 0)
    FailIo(path_, "cannot write the sweep journal");
  Index(size_, lines);
}

std::string SweepJournal::Line(std::size_t point) const {
  if (offsets_.at(point) == kMissing)
    throw InternalError(fmt::format("point {} is not in the sweep journal", point));
  // One reader for all points: the final files read a million lines in point order.
  if (!reader_) reader_ = std::make_unique<std::ifstream>(path_, std::ios::binary);
  reader_->clear();
  reader_->seekg(static_cast<std::streamoff>(offsets_[point]));
  std::string line;
  std::getline(*reader_, line);
  if (!*reader_) FailIo(path_, "cannot read the sweep journal");
  return line;
}

void SweepJournal::Remove() {
  file_.reset();
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

}  // namespace ricardo::detail
