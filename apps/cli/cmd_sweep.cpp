// ricardo sweep SPEC.toml [--out DIR] [--threads N] [--restart] [--quiet]: solve a grid or a list
// of points (ricardo/sweep.hpp, docs/sweep.md) on this machine's threads or, under mpirun /
// srun, on every rank of the job (docs/scale.md), and write DIR/sweep.csv and DIR/sweep.json.
#include <cstdio>
#include <memory>

#include "cli.hpp"
#include "fmt/format.h"
#include "ricardo/distribute.hpp"
#include "ricardo/report.hpp"
#include "ricardo/sweep.hpp"

namespace ricardo::cli {
namespace {

struct SweepArgs {
  std::string spec;
  std::string out;  // default: the spec's name without .toml, in the current folder
  int threads = 0;
  bool restart = false;
  bool quiet = false;
  std::size_t max_chunks = 0;
};

int Sweep(const SweepArgs& a) {
  SweepOptions options;
  options.out_directory =
      a.out.empty() ? std::filesystem::path(a.spec).stem() : std::filesystem::path(a.out);
  options.threads = a.threads;
  options.restart = a.restart;
  options.max_chunks = a.max_chunks;
  // Only the coordinator (rank 0) shows progress; other ranks have no terminal of their own.
  const ProcessGroup& group = ProcessGroup::Join();
  const TerminalCountProgress progress = MakeTerminalCountProgress(
      a.quiet || !group.is_coordinator() ? nullptr : stderr, "sweep", "points");
  options.progress = progress.update;
  const SweepSummary s = RunSweep(a.spec, options);
  progress.finish();
  if (!s.coordinator) return kExitOk;
  if (!a.quiet) {
    if (s.stopped_early) {
      std::printf(
          "stopped after %zu of %zu points (--max-chunks); the journal is in %s: run the "
          "same command again to continue\n",
          s.resumed + s.solved, s.points, options.out_directory.c_str());
    } else if (s.already_complete) {
      std::printf("%s already holds this sweep: %zu points (nothing to solve)\n",
                  options.out_directory.c_str(), s.points);
    } else {
      std::printf(
          "%zu points (%zu solved, %zu resumed) on %d rank%s × %d thread%s in %.1f s; "
          "wrote %s and %s\n",
          s.points, s.solved, s.resumed, s.ranks, s.ranks == 1 ? "" : "s", s.threads,
          s.threads == 1 ? "" : "s", s.time_seconds, s.files[0].c_str(), s.files[1].c_str());
    }
  }
  if (s.non_converged > 0) {
    std::fprintf(stderr,
                 "ricardo: %zu of %zu points did not converge%s; they are flagged "
                 "converged=false in the files\n",
                 s.non_converged, s.points,
                 s.first_non_converged
                     ? fmt::format(", the first is point {}", *s.first_non_converged).c_str()
                     : "");
    return kExitNotConverged;
  }
  return kExitOk;
}

}  // namespace

void RegisterSweep(CLI::App& app, Context& context) {
  auto a = std::make_shared<SweepArgs>();
  CLI::App* cmd = AddCommand(
      app, context, "sweep",
      "Solve a grid or list of points (rates, dates, USMCA shares, elasticity draws) from a spec "
      "file into one long CSV; resumable; runs on MPI ranks under mpirun",
      [a] { return Sweep(*a); });
  cmd->add_option("spec", a->spec, "Sweep spec (TOML, docs/sweep.md)")->required();
  cmd->add_option("--out", a->out,
                  "Folder for sweep.csv, sweep.json and the resume journal (default: the spec's "
                  "name)");
  cmd->add_option("--threads", a->threads,
                  "Points solved at once per process (default 0 = the cores, shared among the MPI "
                  "ranks of a machine)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--restart", a->restart,
                "Discard an earlier sweep or journal in the folder and start over");
  cmd->add_option("--max-chunks", a->max_chunks,
                  "Solve at most N chunks of points, then stop; the same command continues (to "
                  "fit a batch job's time limit)");
  cmd->add_flag("--quiet,-q", a->quiet, "Print nothing on stdout and no progress bar");
}

}  // namespace ricardo::cli
