// RunSweep: read the spec on every rank, prepare the output folder and its journal on rank 0,
// hand the chunks not yet in the journal to the threads and ranks (ricardo/distribute.hpp), and
// write the final files from the journal.
#include <chrono>
#include <fstream>
#include <set>

#include "fmt/format.h"
#include "ricardo/distribute.hpp"
#include "ricardo/error.hpp"
#include "ricardo/package.hpp"
#include "sweep/sweep_internal.hpp"

namespace ricardo {
namespace {

// The first bytes of a finished sweep.json, where its spec_sha256 is.
constexpr std::size_t kJsonHeadBytes = 4096;

std::string ReadHead(const std::filesystem::path& file, std::size_t bytes) {
  std::ifstream in(file, std::ios::binary);
  std::string head(bytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(bytes));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

// The spec_sha256 of a finished sweep.json, or "" if it has none.
std::string FinishedHash(const std::filesystem::path& json) {
  const std::string head = ReadHead(json, kJsonHeadBytes);
  const std::string key = "\"spec_sha256\":\"";
  const std::size_t at = head.find(key);
  if (at == std::string::npos) return {};
  return head.substr(at + key.size(), 64);
}

// Makes `directory` ready for this sweep: created if missing; with `restart`, emptied of an
// earlier sweep; refused if it is a file, holds other files, or a finished sweep of another
// spec. True if it holds this spec's finished sweep (and no journal).
bool PrepareDirectory(const std::filesystem::path& directory, const std::string& hash,
                      bool restart) {
  const Location at{directory.string(), 0, 0, ""};
  if (directory.empty()) throw ArgumentError("no output folder", "give --out DIR");
  std::error_code ec;
  if (std::filesystem::exists(directory, ec) && !std::filesystem::is_directory(directory, ec))
    throw OutputError(at, "is a file, not a folder", "give the path of a new folder");
  std::filesystem::create_directories(directory, ec);
  if (ec)
    throw OutputError(at, "cannot create the folder: " + ec.message(),
                      "give an output path whose parent folders are writable folders");
  const std::set<std::string> ours = {kSweepCsvName, kSweepJsonName, kSweepJournalName,
                                      std::string(".") + kSweepCsvName + ".tmp",
                                      std::string(".") + kSweepJsonName + ".tmp"};
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    const std::string name = entry.path().filename().string();
    if (ours.count(name) == 0)
      throw OutputError(at, fmt::format("holds '{}', which is not a file of a sweep", name),
                        "give a new or empty folder, or one an earlier `ricardo sweep` wrote");
  }
  if (restart) {
    for (const std::string& name : ours) std::filesystem::remove(directory / name, ec);
    return false;
  }
  const std::filesystem::path json = directory / kSweepJsonName;
  if (!std::filesystem::exists(json, ec)) return false;
  const std::string finished = FinishedHash(json);
  if (finished != hash)
    throw OutputError(at,
                      fmt::format("holds a sweep of another spec (sha256 {}), not of this one "
                                  "(sha256 {})",
                                  finished.empty() ? "unknown" : finished, hash),
                      "use another --out, or --restart to discard it");
  return !std::filesystem::exists(directory / kSweepJournalName, ec);
}

// The non_converged count at the end of a finished sweep.json.
std::size_t FinishedNonConverged(const std::filesystem::path& json) {
  std::ifstream in(json, std::ios::binary | std::ios::ate);
  const auto size = static_cast<std::streamoff>(in.tellg());
  const std::streamoff tail = std::min<std::streamoff>(size, 64);
  in.seekg(size - tail);
  std::string end(static_cast<std::size_t>(tail), '\0');
  in.read(end.data(), tail);
  const std::size_t at = end.rfind("\"non_converged\":");
  return at == std::string::npos ? 0 : std::stoull(end.substr(at + 16));
}

struct Setup {
  SweepSpec spec;
  std::string hash;
  Baseline baseline;
  std::unique_ptr<detail::ChunkSolver> solver;
  // Coordinator only:
  bool already_complete = false;
  std::unique_ptr<detail::SweepJournal> journal;
  std::vector<std::size_t> todo;  // chunks not in the journal
  std::size_t resumed = 0;        // points of the chunks already there
  bool stopped_early = false;     // todo was cut to SweepOptions::max_chunks
};

void Prepare(Setup& s, const std::filesystem::path& spec_file, const SweepOptions& options,
             bool coordinator) {
  s.spec = LoadSweepSpec(spec_file);
  s.hash = SweepSpecHash(s.spec);
  s.baseline = LoadBaseline(s.spec.baseline);
  s.solver = std::make_unique<detail::ChunkSolver>(s.spec, s.baseline, options.solver);
  if (!coordinator) return;
  s.already_complete = PrepareDirectory(options.out_directory, s.hash, options.restart);
  if (s.already_complete) return;
  s.journal = std::make_unique<detail::SweepJournal>(
      options.out_directory, s.hash, s.spec.PointCount(), detail::SweepValueCount(s.baseline));
  const std::size_t chunks = detail::SweepChunkCount(s.spec);
  for (std::size_t c = 0; c < chunks; ++c) {
    const auto [first, last] = detail::SweepChunkPoints(s.spec, c);
    if (s.journal->Has(first, last)) {
      s.resumed += last - first;
    } else {
      s.todo.push_back(c);
    }
  }
  if (options.max_chunks > 0 && s.todo.size() > options.max_chunks) {
    s.todo.resize(options.max_chunks);
    s.stopped_early = true;
  }
}

}  // namespace

SweepSummary RunSweep(const std::filesystem::path& spec_file, const SweepOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const ProcessGroup& group = ProcessGroup::Join();
  SweepSummary summary;
  summary.coordinator = group.is_coordinator();
  summary.ranks = group.size();

  // Every rank reads the spec and the baseline; a problem there (the same on every rank for a
  // bad spec) or in rank 0's output folder stops all ranks before any work is handed out.
  Setup s;
  std::exception_ptr failure;
  try {
    summary.threads = DistributedThreadCount(group, options.threads);
    Prepare(s, spec_file, options, group.is_coordinator());
  } catch (...) {
    failure = std::current_exception();
  }
  const std::vector<int> failed = group.FailedRanks(failure == nullptr);
  if (!failed.empty()) {
    // Rank 0 reports; another rank reports only what rank 0 did not see itself.
    if (failure && (group.is_coordinator() || failed.front() != 0)) std::rethrow_exception(failure);
    if (group.is_coordinator())
      throw Error(ErrorKind::kInternal, Location{},
                  fmt::format("MPI rank {} could not prepare the sweep (its message is above)",
                              failed.front()),
                  "check that every machine of the job sees the same files");
    return summary;
  }
  summary.points = s.spec.PointCount();
  summary.spec_sha256 = s.hash;
  summary.resumed = s.resumed;
  summary.already_complete = s.already_complete;

  std::size_t done = s.resumed;
  if (group.is_coordinator() && options.progress && !s.already_complete)
    options.progress(done, summary.points);
  DistributeOptions distribute;
  distribute.threads = options.threads;
  Distribute(
      group, s.todo, [&](std::size_t chunk) { return s.solver->SolveChunk(chunk); },
      [&](std::size_t chunk, std::string lines) {
        s.journal->Append(lines);
        const auto [first, last] = detail::SweepChunkPoints(s.spec, chunk);
        done += last - first;
        summary.solved += last - first;
        if (options.progress) options.progress(done, summary.points);
      },
      distribute);
  if (!group.is_coordinator()) return summary;

  const std::filesystem::path& directory = options.out_directory;
  summary.time_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (s.stopped_early) {
    summary.stopped_early = true;
    return summary;
  }
  if (s.already_complete) {
    summary.resumed = summary.points;
    summary.non_converged = FinishedNonConverged(directory / kSweepJsonName);
  } else {
    const detail::SweepFilesResult files =
        detail::WriteSweepFiles(s.spec, s.hash, s.baseline, *s.journal, directory);
    s.journal->Remove();  // the final files hold everything it did
    summary.non_converged = files.non_converged;
    summary.first_non_converged = files.first_non_converged;
  }
  summary.files = {directory / kSweepCsvName, directory / kSweepJsonName};
  return summary;
}

}  // namespace ricardo
