#include "test_support.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>

#include "fmt/format.h"
#include "gtest/gtest.h"
#include "ricardo/synthetic_world.hpp"

// Set by tests/CMakeLists.txt for the test binary; other programs built from this file (the
// browser tests' sample-report maker) do not compare with ../shared.
#ifndef RICARDO_REQUIRE_SHARED_DATA
#define RICARDO_REQUIRE_SHARED_DATA 0
#endif

namespace ricardo::testing {

CommandResult RunCli(const std::string& arguments) {
  const auto dir = MakeTempDirectory("cli_stderr");
  const auto err_file = dir / "stderr.txt";
  const std::string command =
      std::string(RICARDO_CLI_PATH) + " " + arguments + " 2>" + err_file.string();
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  std::size_t read = 0;
  while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), read);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  std::stringstream ss;
  ss << err.rdbuf();
  result.err = ss.str();
  return result;
}

std::optional<std::filesystem::path> SharedDataDirectory() {
  const char* env = std::getenv("RICARDO_SHARED_DATA_DIR");
  const std::filesystem::path dir = env && *env ? env : RICARDO_SHARED_DATA_DIR;
  if (std::filesystem::is_directory(dir)) return dir;
  return std::nullopt;
}

bool SharedDataRequired() {
  const char* ci = std::getenv("CI");
  return RICARDO_REQUIRE_SHARED_DATA || (ci && *ci);
}

std::filesystem::path ProjectDirectory() {
  return RICARDO_PROJECT_DIR;
}

bool HaveDefaultScenario() {
  return std::filesystem::is_regular_file(ProjectDirectory() /
                                          "scenarios/us-tariffs-2025-11.toml") &&
         std::filesystem::is_regular_file(ProjectDirectory() /
                                          "data/baselines/world/manifest.toml");
}

std::filesystem::path MakeTempDirectory(const std::string& name) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string test = info ? std::string(info->test_suite_name()) + "." + info->name() : "global";
  for (char& c : test) {
    if (c == '/') c = '_';
  }
  // One tree per build directory (named by a hash of its CLI's path, stable across runs), so
  // that two builds running the same test at once do not delete each other's files.
  const std::string build = fmt::format("{:016x}", std::hash<std::string>{}(RICARDO_CLI_PATH));
  const auto dir = std::filesystem::temp_directory_path() / "ricardo-tests" / build / test / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

Baseline MakeRandomBaseline(std::size_t N, std::size_t J, unsigned seed) {
  // The synthetic world with everything that makes it realistic turned off: regions and sectors
  // alike, all tradable, θ in [2, 10], a fixed home bias, not calibrated. These are the draws the
  // tests were written against, bit for bit.
  SyntheticWorldOptions options;
  options.regions = N;
  options.sectors = J;
  options.seed = seed;
  options.non_tradable_fraction = 0.0;
  options.theta_min = 2.0;
  options.theta_max = 10.0;
  options.domestic_weight = 20.0;
  options.max_tariff_rate = 0.2;
  options.region_size_log_sd = 0.0;
  options.sector_size_log_sd = 0.0;
  options.calibrate = false;
  Baseline b = MakeSyntheticWorld(options);
  b.manifest = Manifest{};
  b.manifest.name = "random-" + std::to_string(seed);
  b.manifest.year = 2024;
  b.manifest.money_unit = 1e6;
  return b;
}

}  // namespace ricardo::testing
