// RateBasis (src/server/rate_basis.hpp): the compile of a rate-only edit replayed from a
// recorded compile, against the full compile (bit for bit), on random rate edits of every
// shipped scenario on north-america; and which requests may use it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
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

// The number of tariffs that differ in any bit.
int Differing(const Array3& fast, const Array3& full) {
  if (fast.size() != full.size()) return -1;
  int count = 0;
  for (std::size_t x = 0; x < full.size(); ++x) {
    if (std::memcmp(fast.data() + x, full.data() + x, sizeof(double)) != 0) ++count;
  }
  return count;
}

TEST(ServerRateBasis, RandomRateEditsCompileAsTheFullCompileBitForBit) {
  std::mt19937 random(20251101);
  int scenarios = 0, edits = 0, tariffs_changed = 0;
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
      std::vector<double> rates;
      for (const Measure& m : edited.measures) rates.push_back(m.rate);
      const CompiledScenario fast = basis.Compile(rates, NorthAmerica());
      EXPECT_EQ(Differing(fast.shock.tariff_rates, full.shock.tariff_rates), 0)
          << name << ", edit " << e;
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
}

server::SolveRequest Read(const std::string& body) {
  static server::Catalog catalog({}, ShippedScenarioDirectory());
  return server::ReadSolveRequest(body, server::BodyFormat::kJson, {}, server::Endpoint::kSolve,
                                  catalog);
}

TEST(ServerRateBasis, OnlyRequestsEditingRatesOfANamedScenarioUseIt) {
  const std::string named = R"("scenario":"us-tariffs-2025-11")";
  EXPECT_TRUE(Read("{" + named + "}").rates_only);
  EXPECT_TRUE(Read("{" + named + R"(,"baseline":"north-america","bilateral_sector":false,)"
                 R"("rates":{"s232-steel":0.3}})")
                  .rates_only);
  for (const char* other : {R"("date":"2025-06-01")", R"("usmca_share":0.5)",
                            R"("usmca_share":null)", R"("measures":{"s232-steel":false})"}) {
    const server::SolveRequest read = Read("{" + named + "," + other + "}");
    EXPECT_FALSE(read.rates_only) << other;
    EXPECT_NE(read.named, nullptr) << other;  // still a start for the solve
  }
  EXPECT_FALSE(
      Read(R"({"scenario":"us-tariffs-2025-11-retaliation","tags":{"retaliation":false}})")
          .rates_only);
  EXPECT_TRUE(Read(R"({"scenario":"us-tariffs-2025-11-retaliation"})").rates_only);

  // Read without a copy of the scenario: its rates, with the edits applied in place.
  const server::SolveRequest read = Read("{" + named + R"(,"rates":{"s232-steel":0.3,"ieepa-canada":0}})");
  ASSERT_TRUE(read.rates_only);
  ASSERT_NE(read.named, nullptr);
  EXPECT_TRUE(read.scenario.measures.empty());
  ASSERT_EQ(read.rates.size(), read.named->measures.size());
  for (std::size_t k = 0; k < read.rates.size(); ++k) {
    const Measure& m = read.named->measures[k];
    const double expected = m.id == "s232-steel" ? 0.3 : m.id == "ieepa-canada" ? 0.0 : m.rate;
    EXPECT_EQ(read.rates[k], expected) << m.id;
  }
  EXPECT_EQ(read.baseline_name, "north-america");
}

}  // namespace
}  // namespace ricardo::testing
