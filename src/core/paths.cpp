#include "ricardo/paths.hpp"

#include <cstdlib>
#include <system_error>

#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo {
namespace {

std::filesystem::path ExecutableDirectory() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path{} : exe.parent_path();
}

}  // namespace

std::filesystem::path DataDirectory() {
  std::string looked;
  if (const char* env = std::getenv("RICARDO_DATA_DIR"); env && *env) {
    if (std::filesystem::is_directory(env)) return env;
    looked = fmt::format("{}$RICARDO_DATA_DIR={}, ", looked, env);
  }
  const std::filesystem::path source = RICARDO_SOURCE_DATA_DIR;
  if (std::filesystem::is_directory(source)) return source;
  looked = fmt::format("{}{}, ", looked, source.string());
  const auto exe_dir = ExecutableDirectory();
  if (!exe_dir.empty()) {
    const auto installed = exe_dir / ".." / "share" / "ricardo" / "data";
    if (std::filesystem::is_directory(installed)) return installed;
    looked = fmt::format("{}{}", looked, installed.string());
  }
  throw NotFoundError(Location{"data directory", 0, 0, ""},
                      fmt::format("ricardo's data directory was not found (looked in {})", looked),
                      "set RICARDO_DATA_DIR to the project's data/ folder");
}

std::filesystem::path SourceDirectory() {
  return std::filesystem::path(RICARDO_SOURCE_DATA_DIR).parent_path();
}

}  // namespace ricardo
