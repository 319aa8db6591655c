#include "data/shared_directory.hpp"

#include <cstdlib>

#include "ricardo/paths.hpp"

namespace ricardo::data_internal {

std::filesystem::path SharedDataFolder(const char* env_var, const char* folder) {
  if (const char* env = std::getenv(env_var); env && *env) return env;
  const auto shared = SourceDirectory().parent_path() / "shared" / "data" / folder;
  if (std::filesystem::is_directory(shared)) return shared;
  return {};
}

}  // namespace ricardo::data_internal
