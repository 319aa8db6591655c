#include "data/gzip_text.hpp"

#include <zlib.h>

#include <array>
#include <cstdint>

#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo::data_internal {
namespace {

// A plain or gzip file opened through detail::OpenRegularFile, read in inflated pieces with the
// size cap applied to what it inflates.
class InflatingReader {
 public:
  InflatingReader(const std::filesystem::path& path, const detail::FileKind& kind,
                  std::string_view missing_fix)
      : path_(path), kind_(kind) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      throw NotFoundError(Location{path.string(), 0, 0, ""}, "file not found",
                          std::string(missing_fix));
    }
    // Refuses pipes, devices and directories, and files above the cap.
    detail::RegularFile opened = detail::OpenRegularFile(path, kind);
    file_ = gzdopen(opened.descriptor(), "rb");
    if (!file_) {
      throw DataError(Location{path.string(), 0, 0, ""}, "cannot open file",
                      "check that it is readable");
    }
    opened.Release();  // gzclose closes the descriptor now
    gzbuffer(file_, 1 << 17);
  }
  InflatingReader(const InflatingReader&) = delete;
  InflatingReader& operator=(const InflatingReader&) = delete;
  ~InflatingReader() { gzclose(file_); }

  // The next inflated piece, empty at the end of the file. `line` is the line being read, to
  // locate an error.
  std::string_view Next(long line) {
    const int read = gzread(file_, buffer_.data(), static_cast<unsigned>(buffer_.size()));
    if (read > 0) {
      // What is inflated counts against the cap: a few kilobytes of gzip can inflate to gigabytes.
      inflated_ += static_cast<std::uint64_t>(read);
      if (inflated_ > kind_.max_bytes) detail::ThrowInflatedTooLarge(path_, kind_);
      return {buffer_.data(), static_cast<std::size_t>(read)};
    }
    // gzread returns -1 on a corrupt stream but 0, with Z_BUF_ERROR, on one cut short: both are
    // errors, or a truncated download would pass for a shorter file.
    int code = Z_OK;
    const char* message = gzerror(file_, &code);
    if (read < 0 || (code != Z_OK && code != Z_STREAM_END)) {
      // zlib names a file opened by descriptor "<fd:4>"; the location already names it.
      std::string_view reason = message && *message ? message : "unknown error";
      if (reason.rfind("<fd:", 0) == 0 && reason.find(">: ") != std::string_view::npos) {
        reason.remove_prefix(reason.find(">: ") + 3);
      }
      throw DataError(Location{path_.string(), line, 0, ""},
                      fmt::format("corrupt compressed file: {}", reason),
                      "copy the file again from its source");
    }
    return {};
  }

 private:
  std::filesystem::path path_;
  detail::FileKind kind_;
  gzFile file_ = nullptr;
  std::uint64_t inflated_ = 0;
  std::array<char, 1 << 16> buffer_{};
};

}  // namespace

std::string ReadMaybeGzip(const std::filesystem::path& path, const detail::FileKind& kind,
                          std::string_view missing_fix) {
  InflatingReader reader(path, kind, missing_fix);
  std::string text;
  long line = 1;
  for (std::string_view piece = reader.Next(line); !piece.empty(); piece = reader.Next(line)) {
    for (char c : piece) line += c == '\n';
    text.append(piece);
  }
  return text;
}

void ForEachLine(const std::filesystem::path& file,
                 const std::function<void(long, std::string_view)>& on_line,
                 const detail::FileKind& kind, std::string_view missing_fix) {
  InflatingReader reader(file, kind, missing_fix);
  std::string line;  // the part of the current line read so far
  long number = 0;
  auto emit = [&] {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    on_line(++number, line);
    line.clear();
  };
  for (std::string_view piece = reader.Next(number + 1); !piece.empty();
       piece = reader.Next(number + 1)) {
    while (!piece.empty()) {
      const std::size_t end = piece.find('\n');
      if (end == std::string_view::npos) {
        line.append(piece);
        break;
      }
      line.append(piece.substr(0, end));
      piece.remove_prefix(end + 1);
      emit();
    }
  }
  if (!line.empty()) emit();  // a last line without its newline
}

}  // namespace ricardo::data_internal
