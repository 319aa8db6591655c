// The parts of a sweep behind RunSweep: cutting points into chunks, solving a chunk, the
// journal of finished chunks, and the final files written from it.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ricardo/baseline.hpp"
#include "ricardo/scenario.hpp"
#include "ricardo/sweep.hpp"

namespace ricardo::detail {

// Chunk c holds the points [c × chunk_points, min((c + 1) × chunk_points, points)).
std::size_t SweepChunkCount(const SweepSpec& spec);
std::pair<std::size_t, std::size_t> SweepChunkPoints(const SweepSpec& spec, std::size_t chunk);

// A point's coordinates as written in sweep.csv and sweep.json: scenario name, compile date,
// USMCA share ("" for the data's), elasticity draw ("" for the baseline's θ), and the rate of
// every swept measure (the scenario's own rate where the point does not set it). Numbers in
// the shortest form that reads back to the same double.
struct PointLabels {
  std::string scenario, date, usmca_share, theta_draw;
  std::vector<std::string> rates;  // one per SweepSpec::rate_measures
};
PointLabels LabelPoint(const SweepSpec& spec, const SweepPoint& point);

// The shortest text that reads back to the same double ("0.25", "1e-05"); "nan" for NaN.
std::string FormatNumber(double value);

// Solves chunks of a sweep; one object shared by the worker threads of a process. Compiles
// each (scenario, date, USMCA share) once, when a point first needs it.
class ChunkSolver {
 public:
  ChunkSolver(const SweepSpec& spec, const Baseline& baseline, const SolverOptions& solver);
  ~ChunkSolver();
  // The journal lines of the chunk's points ("point,converged,values…\n" each), solved in
  // point order, the first cold and each next from the solution of the one before.
  std::string SolveChunk(std::size_t chunk) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// How many values a journal line carries after the point and the converged flag.
std::size_t SweepValueCount(const Baseline& baseline);

// The journal in the output folder: a header with the spec's hash, then the lines of finished
// chunks, appended as they come. Only the coordinator opens it.
class SweepJournal {
 public:
  // Opens (creating if missing) the journal for a sweep of `spec_sha256`. An existing journal
  // of another spec is an OutputError; its lines are read, a last line without its newline (an
  // interrupted write) is cut off, and the points found are recorded.
  SweepJournal(const std::filesystem::path& directory, const std::string& spec_sha256,
               std::size_t points, std::size_t values_per_point);
  ~SweepJournal();
  // Whether every point of [first, last) is in the journal.
  bool Has(std::size_t first, std::size_t last) const;
  std::size_t points_found() const { return found_; }
  // Appends a chunk's lines and flushes them to the operating system, so an interruption
  // later loses nothing written here.
  void Append(const std::string& lines);
  const std::filesystem::path& path() const { return path_; }
  // Closes and deletes the journal (after the final files are in place).
  void Remove();

  // The line of point k, without the newline.
  std::string Line(std::size_t point) const;

 private:
  // Records the complete lines of `bytes`, which start at `from_offset` in the file; size_
  // grows by the bytes of those lines.
  void Index(std::uint64_t from_offset, const std::string& bytes);
  std::filesystem::path path_;
  std::string hash_;
  std::size_t values_ = 0;
  std::vector<std::uint64_t> offsets_;  // of each point's line; kMissing if not there
  std::size_t found_ = 0;
  std::uint64_t size_ = 0;  // bytes of complete lines
  struct Closer {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  std::unique_ptr<std::FILE, Closer> file_;  // open for appending, locked (flock)
  long line_number_ = 1;
  mutable std::unique_ptr<std::ifstream> reader_;
};

// Writes sweep.csv and sweep.json into `directory` from the journal, in point order (each to a
// temporary name first, then renamed), and returns the number of non-converged points and the
// first of them.
struct SweepFilesResult {
  std::size_t non_converged = 0;
  std::optional<std::size_t> first_non_converged;
  std::vector<std::filesystem::path> files;
};
SweepFilesResult WriteSweepFiles(const SweepSpec& spec, const std::string& spec_sha256,
                                 const Baseline& baseline, const SweepJournal& journal,
                                 const std::filesystem::path& directory);

}  // namespace ricardo::detail
