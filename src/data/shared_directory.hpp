// Where builds look for the shared reference data (../shared/data beside the source tree).
#pragma once

#include <filesystem>

namespace ricardo::data_internal {

// $`env_var` if set, else ../shared/data/`folder` beside the source tree if it exists, else empty.
std::filesystem::path SharedDataFolder(const char* env_var, const char* folder);

}  // namespace ricardo::data_internal
