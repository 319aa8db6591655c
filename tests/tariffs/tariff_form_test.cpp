// The compiled tariff form (ricardo/tariff_form.hpp): t′ as a function of the measures' rates.
//
// The property that makes the server's slider edits exact: for every shipped scenario, the form
// of one compile evaluated at any rates equals a fresh compile of the scenario file with those
// rates written into it, bit for bit — and the form itself does not depend on the rates.
#include "ricardo/tariff_form.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>

#include "ricardo/package.hpp"
#include "ricardo/scenario.hpp"

namespace ricardo {
namespace {

CompileOptions NoTrace() {
  CompileOptions options;
  options.product_trace = false;
  return options;
}

bool SameBits(const Array3& a, const Array3& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

// Random rates in [0, 0.8] with three decimals (so that the TOML text holds them exactly), and
// zero now and then (a slider at its stop).
std::vector<double> RandomRates(std::size_t count, std::mt19937& random) {
  std::uniform_int_distribution<int> thousandths(0, 800);
  std::vector<double> rates(count);
  for (double& r : rates) r = random() % 7 == 0 ? 0.0 : thousandths(random) / 1000.0;
  return rates;
}

TEST(TariffForm, EvaluatedAtRandomRatesEqualsAFreshCompileOfTheEditedFileForEveryShippedScenario) {
  std::mt19937 random(20251101);
  int compared = 0;
  for (const std::string& name : ShippedScenarioNames()) {
    SCOPED_TRACE(name);
    const Scenario scenario = LoadScenario(ResolveScenarioPath(name));
    const Baseline baseline = LoadBaseline(scenario.baseline);
    const CompiledScenario compiled = CompileScenario(scenario, baseline, NoTrace());
    ASSERT_EQ(compiled.tariffs.measure_count(), scenario.measures.size());
    EXPECT_TRUE(
        SameBits(compiled.tariffs.Evaluate(MeasureRates(scenario)), compiled.shock.tariff_rates));
    for (int draw = 0; draw < 8; ++draw) {
      std::vector<double> rates = RandomRates(scenario.measures.size(), random);
      Scenario edited = scenario;
      for (std::size_t k = 0; k < rates.size(); ++k) {
        // Measures taking their rates from the baseline have no rate to edit.
        if (!edited.measures[k].rate_from_baseline.empty()) {
          rates[k] = edited.measures[k].rate;
          continue;
        }
        SetMeasureRate(edited, edited.measures[k].id, rates[k]);
      }
      // Through the file format, as a user's edited file would come in.
      const Scenario reread = ParseScenario(ScenarioToToml(edited), name + "-edited.toml");
      ASSERT_EQ(MeasureRates(reread), rates);
      const CompiledScenario fresh = CompileScenario(reread, baseline, NoTrace());
      EXPECT_TRUE(fresh.tariffs == compiled.tariffs)
          << "the form depends on the rates (draw " << draw << ")";
      EXPECT_TRUE(SameBits(compiled.tariffs.Evaluate(rates), fresh.shock.tariff_rates))
          << "draw " << draw;
      CompiledScenario moved = compiled;
      moved.SetRates(rates);
      EXPECT_TRUE(SameBits(moved.shock.tariff_rates, fresh.shock.tariff_rates)) << "draw " << draw;
      ++compared;
    }
  }
  EXPECT_GE(compared, 8 * 6);
}

// A rate moves t′ along its terms only, and by weight × rate: the sector of a single all-goods
// measure changes by exactly its weight per unit of rate.
TEST(TariffForm, TermsAreTheDerivativesOfTheTariffs) {
  const Scenario scenario = LoadScenario(ResolveScenarioPath("us-tariffs-2025-11"));
  const CompiledScenario compiled =
      CompileScenario(scenario, LoadBaseline(scenario.baseline), NoTrace());
  std::vector<double> rates = MeasureRates(scenario);
  const Array3 at = compiled.tariffs.Evaluate(rates);
  std::size_t measure = 0;
  while (scenario.measures[measure].id != "ieepa-mexico") ++measure;
  rates[measure] += 0.25;
  const Array3 moved = compiled.tariffs.Evaluate(rates);
  std::vector<double> weight(at.size(), 0.0);
  for (const TariffTerm& t : compiled.tariffs.terms()) {
    if (t.measure == measure) weight[t.cell] += t.weight;
  }
  int cells = 0;
  for (std::size_t c = 0; c < at.size(); ++c) {
    EXPECT_NEAR(moved.data()[c] - at.data()[c], 0.25 * weight[c], 1e-15) << "cell " << c;
    if (weight[c] > 0.0) ++cells;
  }
  EXPECT_GT(cells, 10);  // the goods sectors of USA <- MEX
}

TEST(TariffForm, RejectsRatesThatAreNotRates) {
  const TariffForm form(Array3(2, 2, 1, 0.0), {{1, 0, 0.5, 0.0}}, 1);
  EXPECT_THROW(form.Evaluate(std::vector<double>{}), ArgumentError);
  EXPECT_THROW(form.Evaluate(std::vector<double>{-0.1}), ArgumentError);
  EXPECT_THROW(form.Evaluate(std::vector<double>{std::nan("")}), ArgumentError);
  EXPECT_THROW(TariffForm(Array3(2, 2, 1, 0.0), {{4, 0, 0.5, 0.0}}, 1), ArgumentError);
  EXPECT_DOUBLE_EQ(form.Evaluate(std::vector<double>{0.4}).data()[1], 0.2);
}

// An all-in floor: the duty is max(0, floor − MFN), so a rate below the threshold charges nothing.
TEST(TariffForm, FloorTermsChargeOnlyAboveTheirThreshold) {
  const TariffForm form(Array3(1, 1, 2, 0.01), {{0, 0, 1.0, 0.05}, {1, 0, 0.5, 0.0}}, 1);
  const Array3 low = form.Evaluate(std::vector<double>{0.04});
  EXPECT_DOUBLE_EQ(low.data()[0], 0.01);
  EXPECT_DOUBLE_EQ(low.data()[1], 0.01 + 0.02);
  const Array3 high = form.Evaluate(std::vector<double>{0.15});
  EXPECT_DOUBLE_EQ(high.data()[0], 0.01 + 0.10);
}

}  // namespace
}  // namespace ricardo
