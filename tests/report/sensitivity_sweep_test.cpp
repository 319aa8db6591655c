// Long sensitivity sweeps: results streamed in variant order as they are solved, only ranges
// held; the documented limits refused with LimitError and their exact messages.
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "report_fixture.hpp"
#include "ricardo/error.hpp"
#include "ricardo/sensitivity.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

std::string Factors(std::size_t count) {
  std::string text;
  for (std::size_t k = 0; k < count; ++k) text += (k ? "," : "") + std::to_string(0.5 + 0.0001 * k);
  return text;
}

std::string ReadText(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(SensitivitySweep, TooManyFactorsAreRefusedBeforeParsing) {
  try {
    ParseThetaScales(Factors(kSensitivityVariantsMax + 1));
    FAIL() << "expected a LimitError";
  } catch (const LimitError& e) {
    EXPECT_STREQ(e.what(),
                 "--theta-scale: 100001 factors, more than the 100000 one sensitivity run may have "
                 "(each factor is a full solve; split the sweep into several runs)");
  }
  EXPECT_EQ(ParseThetaScales(Factors(kSensitivityVariantsMax)).size(), kSensitivityVariantsMax);
}

TEST(SensitivitySweep, RunSensitivityHoldsAtMostTheReportLimit) {
  const Baseline& b = testing::SmallNorthAmerica();
  const auto variants =
      ScaledElasticities(b, ParseThetaScales(Factors(kSensitivityReportVariantsMax + 1)));
  try {
    RunSensitivity(b, testing::TariffShock(b, false), {}, variants);
    FAIL() << "expected a LimitError";
  } catch (const LimitError& e) {
    EXPECT_STREQ(e.what(),
                 "51 elasticity variants, more than the 50 a sensitivity result holds with every "
                 "run (stream longer sweeps with StreamSensitivity)");
  }
}

// 2,000 variants on the small baseline: every one handed over once, in order, and written as a
// row of sensitivity.csv and an entry of sensitivity.json; the ranges match the held result.
TEST(SensitivitySweep, TwoThousandVariantsStreamInOrder) {
  const Baseline& b = testing::SmallNorthAmerica();
  const Shock shock = testing::TariffShock(b, true);
  const auto variants = ScaledElasticities(b, ParseThetaScales(Factors(2000)));
  const auto dir = testing::MakeTempDirectory("sweep") / "out";
  SweepOutput output;
  output.directory = dir;
  SensitivitySweepWriter writer(b, variants.size(), output);
  std::vector<std::size_t> order;
  double welfare_usa_first = 0.0;
  SensitivityOptions options;
  options.threads = 2;
  StreamSensitivity(
      b, shock, {}, variants,
      [&](std::size_t k, const ElasticityVariant& v, const RunResult& r) {
        order.push_back(k);
        if (k == 0) welfare_usa_first = 100.0 * r.outcomes.countries[0].welfare_exact;
        writer.Add(k, v, r);
      },
      options);
  writer.Finish();
  ASSERT_EQ(order.size(), 2000u);
  for (std::size_t k = 0; k < order.size(); ++k) ASSERT_EQ(order[k], k);
  EXPECT_TRUE(writer.non_converged().empty());

  const std::string csv = ReadText(dir / "sensitivity.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 2000 * 4 * 5);
  const auto json = nlohmann::json::parse(ReadText(dir / "sensitivity.json"));
  EXPECT_EQ(json["schema"], "ricardo.sensitivity-sweep");
  ASSERT_EQ(json["variants"].size(), 2000u);
  EXPECT_EQ(json["variants"][0]["label"], "theta x0.5");
  EXPECT_DOUBLE_EQ(json["variants"][0]["values_pct"]["welfare"]["USA"].get<double>(),
                   welfare_usa_first);
  EXPECT_EQ(json["ranges"].size(), 4u * 5u);

  // The same first three variants held in memory give the same numbers.
  const std::vector<ElasticityVariant> three(variants.begin(), variants.begin() + 3);
  const SensitivityResult held = RunSensitivity(b, shock, {}, three);
  EXPECT_DOUBLE_EQ(100.0 * held.runs.runs[0].result.outcomes.countries[0].welfare_exact,
                   welfare_usa_first);
}

TEST(SensitivitySweep, TheCliStreamsALongSweepAndRefusesItsHtmlReport) {
  if (!std::filesystem::is_regular_file(testing::ProjectDirectory() /
                                        "data/baselines/world/manifest.toml"))
    GTEST_SKIP() << "world baseline missing";
  const auto dir = testing::MakeTempDirectory("sweep-cli");
  const std::string factors = Factors(kSensitivityReportVariantsMax + 1);
  const auto refused =
      testing::RunCli("run --theta-scale " + factors + " --out " + (dir / "out").string());
  EXPECT_EQ(refused.exit_code, 7);
  EXPECT_EQ(refused.err,
            "ricardo: limit exceeded: --out: 51 elasticity variants, more than the 50 an HTML "
            "sensitivity report shows (add --no-html to write only sensitivity.csv and "
            "sensitivity.json, which stream, or give at most 50 variants)\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));

  const auto r = testing::RunCli("run --theta-scale " + factors + " --no-html --out " +
                                 (dir / "out").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // A header, then a row per variant and region as each is solved, then the ranges.
  EXPECT_EQ(r.out.rfind("Sensitivity of the shock to the trade elasticities: 51 variants", 0), 0u);
  EXPECT_NE(r.out.find("\ntheta x0.5       USA "), std::string::npos) << r.out.substr(0, 2000);
  EXPECT_NE(r.out.find("\nRange over the variants"), std::string::npos);
  EXPECT_TRUE(std::filesystem::is_regular_file(dir / "out" / "sensitivity.csv"));
  const auto json = nlohmann::json::parse(ReadText(dir / "out" / "sensitivity.json"));
  EXPECT_EQ(json["variants"].size(), 51u);
}

}  // namespace
}  // namespace ricardo
