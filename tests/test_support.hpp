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

// ../shared/data (or $RICARDO_SHARED_DATA_DIR) if present. Tests that need it use
// REQUIRE_SHARED_DATA below rather than testing the optional themselves.
std::optional<std::filesystem::path> SharedDataDirectory();

// True when a missing ../shared must fail the tests that need it rather than skip them: the
// build was configured with RICARDO_REQUIRE_SHARED_DATA=ON (CI does, .ci/run) or the
// environment variable CI is set.
bool SharedDataRequired();

// The project's source directory.
std::filesystem::path ProjectDirectory();

// A fresh, empty temporary directory unique to the calling test.
std::filesystem::path MakeTempDirectory(const std::string& name);

// A small random but valid baseline (N regions, J sectors, seeded), with input-output links,
// tariffs and trade imbalances; not calibrated.
Baseline MakeRandomBaseline(std::size_t regions, std::size_t sectors, unsigned seed);

// The default scenario and the built-in world baseline, which ship with the project: CLI tests
// of the main job skip (with the reason) in a checkout that lacks them (REQUIRE_DEFAULT_SCENARIO).
bool HaveDefaultScenario();

}  // namespace ricardo::testing

// `dir` = ../shared/data/<sub> (sub may be ""), or stop the test: a failure where the shared
// data is required (SharedDataRequired()), a skip elsewhere (a user's machine without it).
#define REQUIRE_SHARED_DATA(dir, sub)                                                    \
  const auto dir##_shared = ::ricardo::testing::SharedDataDirectory();                   \
  if (!dir##_shared || !std::filesystem::is_directory(*dir##_shared / (sub))) {          \
    if (::ricardo::testing::SharedDataRequired()) {                                      \
      FAIL() << "../shared/data/" << (sub) << " is missing, and this build requires it " \
             << "(RICARDO_REQUIRE_SHARED_DATA=ON or CI set)";                            \
    }                                                                                    \
    GTEST_SKIP() << "../shared/data/" << (sub) << " is not available";                   \
  }                                                                                      \
  const std::filesystem::path dir = *dir##_shared / (sub)

#define REQUIRE_DEFAULT_SCENARIO()                \
  if (!::ricardo::testing::HaveDefaultScenario()) \
  GTEST_SKIP() << "default scenario or world baseline missing"
