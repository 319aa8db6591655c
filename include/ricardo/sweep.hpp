// Sweeps: one scenario (or several) solved at many points — measure rates, compile dates, USMCA
// utilisation shares, elasticity draws — written as one tidy long table.
//
//   SweepOptions options;  options.out_directory = "out";
//   SweepSummary s = RunSweep("docs/examples/tariff-sweep.toml", options);
//   // out/sweep.csv: point, axes…, converged, region, indicator, value
//
// The spec is a TOML file (docs/sweep.md documents every key, with an example): a grid, the
// Cartesian product of the axes, or a list of points. Points are numbered in grid order — the
// scenario varies slowest, then the date, the USMCA share, the elasticity draw, and the rates in
// the order the spec lists their measures, the last fastest — or in list order.
//
// Determinism: the points are cut into chunks of `chunk_points` consecutive points; the first
// point of a chunk starts cold, every other one from the solution of the point before it in the
// chunk (its nearest solved neighbour, one step away on the fastest axis). Chunks are handed to
// threads and MPI ranks as they ask (ricardo/distribute.hpp), but each chunk is solved the same
// way wherever it runs, so the numbers do not depend on the thread count, the rank count or the
// order in which chunks finish, and the output files are the same bytes.
//
// Resuming: finished chunks are appended to a journal in the output folder as they come in; run
// the same command again after an interruption and the chunks already there are not solved
// again. sweep.csv and sweep.json are written from the journal, in point order, at the end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ricardo/error.hpp"
#include "ricardo/scenario.hpp"
#include "ricardo/solver.hpp"

namespace ricardo {

inline constexpr int kSweepSchemaVersion = 1;

// Most points one sweep may have: a million-point study fits ten times over (docs/scale.md
// works out its time and output size); beyond, split the study into several specs. Refused
// while reading the spec (LimitError located at the axes or points).
inline constexpr std::size_t kMaxSweepPoints = 10'000'000;
// Most distinct compiles (scenario × date × USMCA share) one sweep may need: each compiled
// scenario is kept by every process (a copy of the baseline and its tariff form, some MiB).
inline constexpr std::size_t kMaxSweepCompiles = 256;
// Points solved one after another from each other's solution (docs/sweep.md, "Warm starts").
inline constexpr std::size_t kDefaultSweepChunkPoints = 8;
inline constexpr std::size_t kMaxSweepChunkPoints = 10'000;

// One axis of measure rates: the measure's id and the rates it takes (fractions).
struct SweepRateAxis {
  std::string measure;
  std::vector<double> rates;
};

// Where a point's scenario is compiled: which scenario, on which day, with which USMCA share.
struct SweepCompile {
  std::size_t scenario = 0;           // index into SweepSpec::scenarios
  std::optional<Date> date;           // nullopt: the scenario's date
  std::optional<double> usmca_share;  // nullopt: the product data's shares
  bool operator==(const SweepCompile&) const = default;
};

struct SweepPoint {
  std::size_t compile = 0;                  // index into SweepSpec::compiles
  std::optional<std::uint64_t> theta_draw;  // nullopt: the baseline's θ
  // One per SweepSpec::rate_measures, in that order; nullopt: the scenario's rate.
  std::vector<std::optional<double>> rates;
};

struct SweepSpec {
  std::string file;  // the spec as named in messages
  // The scenarios as written, their files, and their contents.
  std::vector<std::string> scenario_names;
  std::vector<std::filesystem::path> scenario_files;
  std::vector<Scenario> scenarios;
  std::string baseline;  // name or package directory; default: the first scenario's
  // Grid axes (empty when not swept: the scenario's own value).
  std::vector<Date> dates;
  std::vector<double> usmca_shares;
  std::vector<SweepRateAxis> rate_axes;
  std::uint64_t theta_draw_count = 0;  // draws 0 … count − 1
  std::uint64_t theta_seed = 1;        // the seed of DrawTheta (ricardo/uncertainty.hpp)
  // List mode: the points as listed (empty in grid mode).
  std::vector<SweepPoint> listed_points;
  bool list_mode = false;
  // The measures whose rates a point may set (grid: the rate axes, in spec order; list: every
  // measure a point names, in order of first appearance), and the compiles the points need.
  std::vector<std::string> rate_measures;
  std::vector<SweepCompile> compiles;
  std::size_t chunk_points = kDefaultSweepChunkPoints;

  std::size_t PointCount() const;
  SweepPoint Point(std::size_t index) const;  // grid order or list order
};

// Parses a spec. Scenario paths are resolved against `base_directory` (the spec's folder), else
// as shipped scenario names; the scenarios are read to check the measure ids. ScenarioError at
// file:line:column for every malformed spec (unknown key, with the closest known one; wrong
// type; a rate outside [0, kMaxTariffRate]; a USMCA share outside [0, 1]; a bad date; an empty
// axis; an unknown measure id; a range that does not step to its end), LimitError beyond
// kMaxSweepPoints or kMaxSweepCompiles, NotFoundError for a missing scenario.
SweepSpec ParseSweepSpec(std::string_view toml_text, const std::string& source_name,
                         const std::filesystem::path& base_directory);
// Reads (as a scenario file: regular file, at most 16 MiB) and parses.
SweepSpec LoadSweepSpec(const std::filesystem::path& file);

// The spec as it is echoed in sweep.json ("spec"): scenarios with their SHA-256, baseline,
// axes or the number of listed points, chunk size.
std::string SweepSpecJson(const SweepSpec& spec);
// SHA-256 of what determines the results: the echo above (which includes the scenarios'
// hashes), a list's points, the program version and the sweep schema version. The journal and
// sweep.json carry it.
std::string SweepSpecHash(const SweepSpec& spec);

// The outcomes written for each point and region, in this order.
// welfare_pct, real_wage_pct, exports_pct, imports_pct, tariff_revenue_pct (percent changes);
// tariff_revenue_change (money units of the baseline per year, as in run.json).
const std::vector<std::string>& SweepIndicators();

struct SweepOptions {
  std::filesystem::path out_directory;  // sweep.csv, sweep.json and the journal go here
  // Points solved at once in this process; 0 = the cores (divided among MPI ranks on a host).
  int threads = 0;
  bool restart = false;  // forget a journal or a finished sweep in out_directory
  // Solve at most this many chunks in this run, then stop with the journal in place (0 = all):
  // a long sweep split into sessions, e.g. to fit a batch job's time limit; the same command
  // continues it.
  std::size_t max_chunks = 0;
  // Each point's solve (`threads`, `start` and `progress` are set per point).
  SolverOptions solver;
  // Called on the coordinator after each chunk with points done (resumed ones included) and
  // the total; on the calling thread.
  std::function<void(std::size_t done_points, std::size_t total_points)> progress;
};

struct SweepSummary {
  bool coordinator = true;  // false on MPI ranks other than 0: they write nothing
  std::size_t points = 0;
  std::size_t resumed = 0;        // points found in the journal, not solved again
  std::size_t solved = 0;         // points solved by this run
  std::size_t non_converged = 0;  // points whose solve did not converge (flagged in the files)
  std::optional<std::size_t> first_non_converged;  // its point number
  bool already_complete = false;                   // out_directory held this spec's finished sweep
  bool stopped_early = false;  // max_chunks was reached: the journal holds the points so far
  int ranks = 1;               // MPI processes
  int threads = 1;             // solving threads of the coordinator's process
  double time_seconds = 0.0;
  std::string spec_sha256;
  std::vector<std::filesystem::path> files;  // sweep.csv, sweep.json (empty when stopped early)
};

// Runs the sweep over the threads of this process and, under mpirun / srun, over the MPI ranks
// (every rank calls it; ricardo/distribute.hpp). The spec is read on every rank; only rank 0
// touches out_directory. OutputError when out_directory is a file, cannot be written, holds
// files other than a sweep's, or holds a sweep of another spec ("… holds a sweep of another
// spec (sha256 …); use another --out or --restart").
SweepSummary RunSweep(const std::filesystem::path& spec_file, const SweepOptions& options);

// File names inside the output folder.
inline constexpr const char* kSweepCsvName = "sweep.csv";
inline constexpr const char* kSweepJsonName = "sweep.json";
inline constexpr const char* kSweepJournalName = "points.partial.csv";

}  // namespace ricardo
