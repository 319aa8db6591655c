// Baseline packages: the one open, documented on-disk format every data source is imported into
// (docs/baseline-format.md), and the built-in baselines shipped under data/baselines/.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "ricardo/baseline.hpp"

namespace ricardo {

// Loads a built-in baseline by name (e.g. "north-america") or a package directory by path.
// Throws NotFoundError for an unknown name or missing directory, DataError for a malformed one.
Baseline LoadBaseline(const std::string& name_or_directory);

// Names of the baselines shipped in data/baselines/.
std::vector<std::string> BuiltinBaselineNames();

}  // namespace ricardo
