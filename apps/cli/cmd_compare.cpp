// Placeholder registration; the command is built in its own issue.
#include "cli.hpp"

namespace ricardo::cli {

void RegisterCompare(CLI::App&, Context&) {}

}  // namespace ricardo::cli
