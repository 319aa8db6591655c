// Helpers shared by the tests: running the CLI, locating data, small hand-made baselines.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "ricardo/baseline.hpp"

namespace ricardo::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs the built `ricardo` binary with `arguments` (a shell-quoted string) and captures output.
CommandResult RunCli(const std::string& arguments);

// ../shared/data if present (tests that need it call GTEST_SKIP otherwise).
std::optional<std::filesystem::path> SharedDataDirectory();

// The project's source directory.
std::filesystem::path ProjectDirectory();

// A fresh, empty temporary directory unique to the calling test.
std::filesystem::path MakeTempDirectory(const std::string& name);

// A small random but valid baseline (N regions, J sectors, seeded), with input-output links,
// tariffs and trade imbalances; not calibrated.
Baseline MakeRandomBaseline(std::size_t regions, std::size_t sectors, unsigned seed);

}  // namespace ricardo::testing
