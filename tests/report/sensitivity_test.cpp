// Sensitivity to the trade elasticities: parsing, variants, parallel runs and ranges.
#include "ricardo/sensitivity.hpp"

#include <fstream>

#include "gtest/gtest.h"
#include "report_fixture.hpp"
#include "ricardo/error.hpp"

namespace ricardo::testing {
namespace {

TEST(Sensitivity, ParsesThetaScales) {
  EXPECT_EQ(ParseThetaScales("0.5,1,2"), (std::vector<double>{0.5, 1.0, 2.0}));
  EXPECT_EQ(ParseThetaScales(" 1 "), (std::vector<double>{1.0}));
  try {
    ParseThetaScales("0.5,x,2");
    FAIL();
  } catch (const ArgumentError& e) {
    EXPECT_STREQ(e.what(),
                 "--theta-scale: item 2 'x' is not a positive number (give positive "
                 "factors separated by commas, e.g. --theta-scale 0.5,1,2)");
  }
  EXPECT_THROW(ParseThetaScales("1,-2"), ArgumentError);
  EXPECT_THROW(ParseThetaScales("1,,2"), ArgumentError);
  EXPECT_THROW(ParseThetaScales("1,1"), ArgumentError);
  EXPECT_THROW(ParseThetaScales("inf"), ArgumentError);
}

TEST(Sensitivity, ScaleOneReproducesTheRunAndRangesCoverEveryVariant) {
  const Baseline& b = SmallNorthAmerica();
  const RunResult central = SmallRun(true);
  const auto variants = ScaledElasticities(b, {0.5, 1.0, 2.0});
  ASSERT_EQ(variants[0].label, "theta x0.5");
  EXPECT_DOUBLE_EQ(variants[2].theta[1], 2.0 * b.sectors[1].theta);
  SensitivityOptions options;
  options.threads = 2;
  const SensitivityResult s =
      RunSensitivity(b, TariffShock(b, true), central.metadata, variants, options);
  ASSERT_EQ(s.runs.runs.size(), 3u);
  for (const auto& r : s.runs.runs) EXPECT_TRUE(r.result.solution.summary.IsConverged());
  EXPECT_NEAR(s.runs.runs[1].result.outcomes.countries[0].welfare_exact,
              central.outcomes.countries[0].welfare_exact, 1e-12);
  // Different elasticities give different answers.
  EXPECT_NE(s.runs.runs[0].result.outcomes.countries[0].welfare_exact,
            s.runs.runs[2].result.outcomes.countries[0].welfare_exact);
  ASSERT_EQ(s.ranges.size(), 4u * 5u);
  for (const auto& r : s.ranges) {
    ASSERT_EQ(r.values_pct.size(), 3u);
    for (double v : r.values_pct) {
      EXPECT_LE(r.min_pct, v);
      EXPECT_GE(r.max_pct, v);
    }
  }
  const std::string text = FormatSensitivityTable(s);
  EXPECT_NE(text.find("theta x0.5"), std::string::npos);
  EXPECT_NE(text.find("min"), std::string::npos);
}

std::filesystem::path WriteFile(const std::string& name, const std::string& text) {
  const auto file = MakeTempDirectory("elasticities") / name;
  std::ofstream(file) << text;
  return file;
}

TEST(Sensitivity, ReadsElasticityVariants) {
  const Baseline& b = SmallNorthAmerica();
  const auto variants = ReadElasticityVariants(
      WriteFile("e.csv", "variant,sector,theta\nlow,metals,2\nlow,vehicles,1.5\nhigh,metals,12\n"),
      b);
  ASSERT_EQ(variants.size(), 2u);
  EXPECT_EQ(variants[0].label, "low");
  EXPECT_EQ(variants[0].theta, (std::vector<double>{2.0, 1.5, b.sectors[2].theta}));
  EXPECT_EQ(variants[1].theta, (std::vector<double>{12.0, b.sectors[1].theta, b.sectors[2].theta}));
}

TEST(Sensitivity, ElasticityFileErrorsAreLocated) {
  const Baseline& b = SmallNorthAmerica();
  auto message = [&](const std::string& text) {
    try {
      ReadElasticityVariants(WriteFile("e.csv", text), b);
    } catch (const DataError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("variant,sector,theta\nlow,metal,2\n"),
            "e.csv:2:5: unknown sector 'metal' (did you mean 'metals'?) (use a sector code of "
            "baseline 'small-test')");
  EXPECT_EQ(message("variant,sector,theta\nlow,metals,-2\n"),
            "e.csv:2:12: theta '-2' is not a positive number (trade elasticities are positive, "
            "e.g. 4.5)");
  EXPECT_EQ(message("variant,sector,theta\nlow,metals,2\nlow,metals,3\n"),
            "e.csv:3:5: sector 'metals' is listed twice for variant 'low' (keep one line per "
            "variant and sector)");
  EXPECT_EQ(message("sector,theta\n"),
            "e.csv:1:1: expected the header 'variant,sector,theta', found 'sector,theta' (make the "
            "first line exactly: variant,sector,theta)");
  EXPECT_EQ(message("variant,sector,theta\nlow,metals\n"),
            "e.csv:2:1: expected 3 fields (variant,sector,theta), found 2 (write one variant, "
            "sector and elasticity per line)");
}

}  // namespace
}  // namespace ricardo::testing
