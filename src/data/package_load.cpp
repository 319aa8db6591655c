// Built-in baselines (data/baselines/<name>/) and LoadBaseline.
#include <algorithm>

#include "core/suggest.hpp"
#include "data/package_internal.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/package.hpp"
#include "ricardo/paths.hpp"

namespace ricardo {

std::vector<std::string> BuiltinBaselineNames() {
  std::vector<std::string> names;
  std::error_code ec;
  const auto root = DataDirectory() / "baselines";
  if (!std::filesystem::is_directory(root, ec)) return names;
  for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
    if (entry.is_directory() &&
        std::filesystem::exists(entry.path() / data_internal::kManifestFile)) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::filesystem::path ResolveBaseline(const std::string& name_or_directory) {
  if (name_or_directory.empty()) {
    throw ArgumentError("no baseline given",
                        "give a built-in name such as north-america or a "
                        "package directory");
  }
  const std::filesystem::path as_path(name_or_directory);
  if (name_or_directory.find('/') != std::string::npos || std::filesystem::is_directory(as_path)) {
    if (!std::filesystem::is_directory(as_path)) {
      throw NotFoundError(Location{name_or_directory, 0, 0, ""}, "no such package directory",
                          "give a package directory or a built-in baseline name; 'ricardo data "
                          "list' shows them");
    }
    return as_path;
  }
  const std::vector<std::string> names = BuiltinBaselineNames();
  if (std::find(names.begin(), names.end(), name_or_directory) == names.end()) {
    throw NotFoundError(
        Location{name_or_directory, 0, 0, ""},
        fmt::format("unknown baseline '{}'{}", name_or_directory,
                    detail::DidYouMean(name_or_directory, names)),
        fmt::format("built-in baselines: {}; or give a package directory",
                    names.empty() ? std::string("none installed") : detail::JoinList(names)));
  }
  return DataDirectory() / "baselines" / name_or_directory;
}

Baseline LoadBaseline(const std::string& name_or_directory) {
  return ReadPackage(ResolveBaseline(name_or_directory));
}

}  // namespace ricardo
