// The ricardo command line: shared pieces of the thin main. Each subcommand lives in its own
// cmd_*.cpp and registers itself in main.cpp; library errors are converted to exit codes once,
// in main().
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "CLI/CLI.hpp"
#include "ricardo/run_stamp.hpp"

namespace ricardo::cli {

// Exit codes (documented in docs/cli.md).
enum ExitCode : int {
  kExitOk = 0,
  kExitResultFailure = 1,  // the command ran but its result is a failure (e.g. replication)
  kExitUsage = 2,          // bad command-line arguments
  kExitDataError = 3,      // malformed or inconsistent data / baseline package
  kExitScenarioError = 4,  // malformed scenario
  kExitNotFound = 5,       // a named file, baseline or scenario does not exist
  kExitNotConverged = 6,   // the solver stopped without converging
  kExitLimit = 7,          // a documented limit was reached (time, size, count)
  kExitInternal = 70,      // a bug in ricardo, or memory exhausted (EX_SOFTWARE)
  kExitCantCreate = 73,    // an output file or folder could not be written (EX_CANTCREAT)
};

// Where a subcommand's callback stores its exit code.
struct Context {
  int exit_code = kExitOk;
};

// Registers a subcommand whose body returns an exit code. Exceptions propagate to main().
CLI::App* AddCommand(CLI::App& parent, Context& context, const std::string& name,
                     const std::string& description, std::function<int()> body);

// The command line as typed (set once in main(), shell-quoted: ShellQuote), for output stamps.
void SetCommandLine(int argc, char** argv);
// Fills the stamp of a run compiled from `scenario_file` on the baseline `baseline_name_or_dir`:
// program, time, command line and both SHA-256 (ricardo/run_stamp.hpp); data_months, from the
// compile, is kept.
void StampRun(RunStamp* stamp, const std::filesystem::path& scenario_file,
              const std::string& baseline_name_or_dir);

void RegisterReplicate(CLI::App& app, Context& context);
void RegisterData(CLI::App& app, Context& context);  // issue 3: data import/aggregate/show/check
void RegisterScenario(CLI::App& app, Context& context);  // issue 4: scenario explain
void RegisterRun(CLI::App& app, Context& context);       // issue 4/5: run, compare
void RegisterCompare(CLI::App& app, Context& context);   // issue 5: compare
void RegisterServe(CLI::App& app, Context& context);     // issue 6: serve
void RegisterSweep(CLI::App& app, Context& context);     // issue 13: sweep (threads, MPI)

}  // namespace ricardo::cli
