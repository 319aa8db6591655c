// The stamp of the CLI's outputs (ricardo/run_stamp.hpp): the command line and the input hashes.
#include "cli.hpp"
#include "ricardo/package.hpp"

namespace ricardo::cli {
namespace {
std::string& CommandLineText() {
  static std::string text;
  return text;
}
}  // namespace

void SetCommandLine(int argc, char** argv) {
  std::vector<std::string> arguments(argv, argv + argc);
  // The program as typed may be a long build path; its name says which program it was.
  if (!arguments.empty())
    arguments.front() = std::filesystem::path(arguments.front()).filename().string();
  CommandLineText() = ShellQuote(arguments);
}

void StampRun(RunStamp* stamp, const std::filesystem::path& scenario_file,
              const std::string& baseline_name_or_dir) {
  std::vector<std::string> months = std::move(stamp->data_months);
  *stamp = NewRunStamp();
  stamp->data_months = std::move(months);
  stamp->command_line = CommandLineText();
  stamp->scenario_sha256 = FileSha256(scenario_file);
  stamp->baseline_sha256 = PackageSha256(ResolveBaseline(baseline_name_or_dir));
}

}  // namespace ricardo::cli
