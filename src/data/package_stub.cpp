// Temporary stand-in until the baseline-package reader lands (issue 3); replace this file.
#include "ricardo/error.hpp"
#include "ricardo/package.hpp"

namespace ricardo {

Baseline LoadBaseline(const std::string& name_or_directory) {
  throw NotFoundError(Location{name_or_directory, 0, 0, ""}, "baseline packages are not built yet");
}

std::vector<std::string> BuiltinBaselineNames() { return {}; }

}  // namespace ricardo
