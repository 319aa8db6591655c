// RateBasis (src/server/rate_basis.hpp): the compile of a rate-only edit as t0 + Σ rate · a,
// against the full compile, on random rate edits of every shipped scenario on north-america;
// and which requests may use it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "ricardo/package.hpp"
#include "ricardo/scenario.hpp"
#include "server/catalog.hpp"
#include "server/rate_basis.hpp"
#include "server/solve_request.hpp"

namespace ricardo::testing {
namespace {

const Baseline& NorthAmerica() {
  static const Baseline baseline = LoadBaseline("north-america");
  return baseline;
}

// The largest |fast − full| / |full| over the tariffs (absolute where full is 0).
double WorstRelativeError(const Array3& fast, const Array3& full) {
  double worst = 0.0;
  for (std::size_t x = 0; x < full.size(); ++x) {
    const double a = fast.data()[x], b = full.data()[x];
    const double error = std::abs(a - b) / (b != 0.0 ? std::abs(b) : 1.0);
    worst = std::max(worst, error);
  }
  return worst;
}

TEST(ServerRateBasis, RandomRateEditsCompileAsTheFullCompileToRounding) {
  std::mt19937 random(20251101);
  int scenarios = 0, edits = 0, tariffs_changed = 0;
  double worst = 0.0;
  for (const std::string& name : ShippedScenarioNames()) {
    const Scenario scenario = LoadScenario(ShippedScenarioDirectory() / (name + ".toml"));
    if (scenario.baseline != "north-america") continue;
    ++scenarios;
    const server::RateBasis basis(scenario, NorthAmerica());
    CompileOptions no_trace;
    no_trace.product_trace = false;
    const CompiledScenario as_named = CompileScenario(scenario, NorthAmerica(), no_trace);
    for (int e = 0; e < 40; ++e) {
      Scenario edited = scenario;
      for (Measure& m : edited.measures) {
        if (!m.rate_from_baseline.empty() || random() % 2 == 0) continue;
        // Rates as the API allows them (0 to 5), with round ones and zeros among them.
        const int kind = static_cast<int>(random() % 4);
        m.rate = kind == 0 ? 0.0
                 : kind == 1 ? 0.05 * static_cast<double>(random() % 20)
                             : std::uniform_real_distribution<double>(0.0, kind == 2 ? 1.0 : 5.0)(random);
      }
      const CompiledScenario full = CompileScenario(edited, NorthAmerica(), no_trace);
      const CompiledScenario fast = basis.Compile(edited);
      const double error = WorstRelativeError(fast.shock.tariff_rates, full.shock.tariff_rates);
      worst = std::max(worst, error);
      // The sums are the compiler's, reordered (Σ_k rate_k Σ_lines instead of Σ_lines Σ_k):
      // a few units in the last place. Measured worst 3.4e-15 over these edits.
      EXPECT_LE(error, 1e-14) << name << ", edit " << e;
      EXPECT_EQ(fast.shock.trade_cost_change.size(), full.shock.trade_cost_change.size());
      EXPECT_TRUE(std::equal(fast.shock.trade_cost_change.data(),
                             fast.shock.trade_cost_change.data() + fast.shock.trade_cost_change.size(),
                             full.shock.trade_cost_change.data()))
          << name;
      EXPECT_EQ(fast.shock.surplus, full.shock.surplus) << name;
      EXPECT_EQ(fast.sectors, full.sectors) << name;
      EXPECT_EQ(fast.metadata.notes, full.metadata.notes) << name;
      EXPECT_EQ(fast.metadata.sources, full.metadata.sources) << name;
      EXPECT_EQ(fast.metadata.scenario_date, full.metadata.scenario_date) << name;
      EXPECT_EQ(fast.metadata.scenario_name, full.metadata.scenario_name) << name;
      for (std::size_t x = 0; x < full.shock.tariff_rates.size(); ++x) {
        if (full.shock.tariff_rates.data()[x] != as_named.shock.tariff_rates.data()[x]) {
          ++tariffs_changed;
        }
      }
      ++edits;
    }
  }
  EXPECT_GE(scenarios, 5);
  EXPECT_GT(tariffs_changed, edits);  // the edits moved tariffs: the comparison means something
  EXPECT_LT(worst, 1e-14);
  RecordProperty("worst_relative_error", std::to_string(worst));
}

server::SolveRequest Read(const std::string& body) {
  static server::Catalog catalog({}, ShippedScenarioDirectory());
  return server::ReadSolveRequest(body, server::BodyFormat::kJson, {}, server::Endpoint::kSolve,
                                  catalog);
}

TEST(ServerRateBasis, OnlyRequestsEditingRatesOfANamedScenarioUseIt) {
  const std::string named = R"("scenario":"us-tariffs-2025-11")";
  EXPECT_NE(Read("{" + named + "}").rates_only_of, nullptr);
  EXPECT_NE(Read("{" + named + R"(,"baseline":"north-america","bilateral_sector":false,)"
                 R"("rates":{"s232-steel":0.3}})")
                .rates_only_of,
            nullptr);
  for (const char* other : {R"("date":"2025-06-01")", R"("usmca_share":0.5)",
                            R"("usmca_share":null)", R"("measures":{"s232-steel":false})"}) {
    EXPECT_EQ(Read("{" + named + "," + other + "}").rates_only_of, nullptr) << other;
  }
  EXPECT_EQ(Read(R"({"scenario":"us-tariffs-2025-11-retaliation","tags":{"retaliation":false}})")
                .rates_only_of,
            nullptr);
  EXPECT_NE(Read(R"({"scenario":"us-tariffs-2025-11-retaliation"})").rates_only_of, nullptr);
}

}  // namespace
}  // namespace ricardo::testing
