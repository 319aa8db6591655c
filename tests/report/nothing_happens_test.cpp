// A run where nothing happens (no measure of the scenario in force on the date, so a zero
// shock) says so: on stderr, in run.json's scenario.warnings, at the top of the table and in
// the HTML report's warnings; a run where measures bite has no such warning.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "ricardo/report.hpp"
#include "test_support.hpp"

namespace ricardo::testing {
namespace {

// One US measure on Canadian steel, in force from 4 June 2025 only.
const char* kLateSteel = R"(name = "late-steel"
title = "Steel from June 2025"
baseline = "north-america"
date = 2025-11-01

[[measures]]
id = "steel"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { hs = ["72"] }
rate = 0.5
from = 2025-06-04
)";

const std::string kWarning = "no measure of '{}' is in force on 2019-01-01; the shock is zero";

std::string ReadAll(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::filesystem::path WriteScenario() {
  const auto dir = MakeTempDirectory("late-steel");
  const auto file = dir / "late-steel.toml";
  std::ofstream(file) << kLateSteel;
  return file;
}

std::string Expected(const std::filesystem::path& file) {
  std::string text = kWarning;
  text.replace(text.find("{}"), 2, file.string());
  return text;
}

TEST(NothingHappens, RunJsonCarriesTheWarning) {
  const auto file = WriteScenario();
  const CommandResult r =
      RunCli("run " + file.string() + " --date 2019-01-01 --format json --no-elasticity-flags");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "ricardo: warning: " + Expected(file) + "\n");
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("scenario").at("warnings"), nlohmann::json::array({Expected(file)}));
  // The same scenario on a date its measure is in force: no warning.
  const CommandResult bites =
      RunCli("run " + file.string() + " --format json --no-elasticity-flags");
  ASSERT_EQ(bites.exit_code, 0) << bites.err;
  EXPECT_EQ(bites.err, "");
  EXPECT_TRUE(nlohmann::json::parse(bites.out).at("scenario").at("warnings").empty());
}

TEST(NothingHappens, TableAndReportCarryTheWarning) {
  const auto file = WriteScenario();
  const CommandResult table =
      RunCli("run " + file.string() + " --date 2019-01-01 --no-elasticity-flags");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("WARNING: " + Expected(file) + "."), std::string::npos) << table.out;
  std::string reason;
  if (!ChartRendererAvailable({}, &reason)) GTEST_SKIP() << reason;
  const auto out = MakeTempDirectory("late-steel-out");
  const CommandResult report =
      RunCli("run " + file.string() + " --date 2019-01-01 --quiet --no-elasticity-flags --out " +
             out.string());
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const std::string html = ReadAll(out / "report.html");
  // The page's warnings are paragraphs of class "warning" above the tables.
  const std::size_t at = html.find("<p class=\"warning\">WARNING: no measure of '");
  ASSERT_NE(at, std::string::npos);
  EXPECT_NE(html.find("is in force on 2019-01-01; the shock is zero.</p>", at), std::string::npos);
}

}  // namespace
}  // namespace ricardo::testing
