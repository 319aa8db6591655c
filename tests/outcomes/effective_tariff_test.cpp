// The one effective tariff (GoodsDuties: additional duties on goods, at base weights and after
// shifts): its definition on a baseline small enough to work by hand, and its agreement with
// what `scenario explain` prints for the default scenario, in the library and through the CLI.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "nlohmann/json.hpp"
#include "ricardo/north_america.hpp"
#include "ricardo/outcomes.hpp"
#include "ricardo/package.hpp"
#include "ricardo/run.hpp"
#include "ricardo/scenario.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

using testing::ProjectDirectory;
using testing::RunCli;

// Regions A (the importer), B, C; sectors: two goods (ISIC 01–05 and 15–16) and one service
// (ISIC 50–52). Flows are A's purchases, net of tariffs:
//
//   from B: goods1 100 at t 5% → t′ 25% (added 20%); goods2 300 at 0% → 10% (added 10%);
//           service 600, untaxed.
//   from C: goods1 100, untaxed before and after.
//
// Counterfactual flows: B goods1 50, goods2 350, service 600; C goods1 120.
//
// By hand, A on B:
//   added at base weights  (0.20·100 + 0.10·300) / (100 + 300) = 50 / 400 = 0.125
//   added after shifts     (0.20·50  + 0.10·350) / (50 + 350)  = 45 / 400 = 0.1125
//   applied, base          (0.05·100) / 400                    = 0.0125
//   applied, new           (0.25·50 + 0.10·350) / 400          = 47.5 / 400 = 0.11875
// A on all partners: base 50 / 500 = 0.1; after shifts 45 / (400 + 120) = 0.0865384615…
// Wrong definitions give other numbers: with the service in the weights 50 / 1000 = 0.05; the
// applied instead of the added rate 55 / 400 = 0.1375; a simple mean over goods 0.15.
struct HandBaseline {
  Baseline base;
  Array3 rates_new;
  Array3 flows_new;
  HandBaseline() {
    base = MakeEmptyBaseline({{"AAA", "A"}, {"BBB", "B"}, {"CCC", "C"}},
                             {{"goods1", "Goods 1", true, 5.0, "01-05"},
                              {"goods2", "Goods 2", true, 5.0, "15-16"},
                              {"service", "Service", true, 5.0, "50-52"}});
    base.trade_flows(0, 1, 0) = 100;
    base.trade_flows(0, 1, 1) = 300;
    base.trade_flows(0, 1, 2) = 600;
    base.trade_flows(0, 2, 0) = 100;
    base.trade_flows(0, 0, 0) = 5000;  // domestic: never weighted
    base.tariff_rates(0, 1, 0) = 0.05;
    rates_new = base.tariff_rates;
    rates_new(0, 1, 0) = 0.25;
    rates_new(0, 1, 1) = 0.10;
    flows_new = base.trade_flows;
    flows_new(0, 1, 0) = 50;
    flows_new(0, 1, 1) = 350;
    flows_new(0, 2, 0) = 120;
  }
};

TEST(GoodsDuties, HandWorkedPairAddedAtBaseWeightsAndAfterShifts) {
  const HandBaseline h;
  const std::vector<bool> goods = GoodsSectors(h.base);
  ASSERT_EQ(goods, (std::vector<bool>{true, true, false}));
  const GoodsDuties d = ComputeGoodsDuties(h.base, goods, h.rates_new, h.flows_new, 0, {1});
  EXPECT_DOUBLE_EQ(d.goods_imports_base, 400.0);
  EXPECT_DOUBLE_EQ(d.goods_imports_new, 400.0);
  EXPECT_DOUBLE_EQ(d.added_at_base_weights, 0.125);
  EXPECT_DOUBLE_EQ(d.added_after_shifts, 0.1125);
  EXPECT_DOUBLE_EQ(d.applied_base, 0.0125);
  EXPECT_DOUBLE_EQ(d.applied_new, 0.11875);
}

TEST(GoodsDuties, HandWorkedAllPartnersAndNoTradeIsNaN) {
  const HandBaseline h;
  const std::vector<bool> goods = GoodsSectors(h.base);
  const GoodsDuties all = ComputeGoodsDuties(h.base, goods, h.rates_new, h.flows_new, 0, {0, 1, 2});
  EXPECT_DOUBLE_EQ(all.added_at_base_weights, 0.1);  // the importer itself is skipped
  EXPECT_DOUBLE_EQ(all.added_after_shifts, 45.0 / 520.0);
  // B buys nothing from A: no weights, no rate (not zero).
  const GoodsDuties none = ComputeGoodsDuties(h.base, goods, h.rates_new, h.flows_new, 1, {0});
  EXPECT_TRUE(std::isnan(none.added_at_base_weights));
  EXPECT_TRUE(std::isnan(none.added_after_shifts));
  EXPECT_EQ(none.goods_imports_base, 0.0);
}

TEST(GoodsDuties, ATariffedServiceCountsAsExplainCountsIt) {
  HandBaseline h;
  h.rates_new(0, 1, 2) = 0.05;  // a scenario that taxes the service: its duties count
  const GoodsDuties d =
      ComputeGoodsDuties(h.base, GoodsSectors(h.base), h.rates_new, h.flows_new, 0, {1});
  EXPECT_DOUBLE_EQ(d.added_at_base_weights, (50.0 + 0.05 * 600) / 1000.0);
}

// The default scenario on its date with the built-in world baseline, compiled and run once.
class DefaultScenario : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const Scenario s = LoadScenario(ProjectDirectory() / "scenarios/us-tariffs-2025-11.toml");
    CompileOptions options;
    options.product_trace = false;  // explain's pair rates do not depend on the product lines
    compiled_ = new CompiledScenario(CompileScenario(s, LoadBaseline("world"), options));
    RunOptions run;
    run.elasticity_flags.enabled = false;
    result_ = new RunResult(RunCompiled(*compiled_, run));
  }
  static void TearDownTestSuite() {
    delete result_;
    delete compiled_;
  }
  static CompiledScenario* compiled_;
  static RunResult* result_;
};
CompiledScenario* DefaultScenario::compiled_ = nullptr;
RunResult* DefaultScenario::result_ = nullptr;

TEST_F(DefaultScenario, EveryUsPartnersAddedTariffAtBaseWeightsIsExplains) {
  // Explain's own answer: its JSON, "baseline_weighted_rate" of each USA pair.
  const nlohmann::json explain = ExplainJson(*compiled_);
  std::map<std::string, double> explained;
  for (const auto& pair : explain.at("pairs")) {
    if (pair.at("importer") == "USA")
      explained[pair.at("exporter")] = pair.at("baseline_weighted_rate");
  }
  const Baseline& b = result_->baseline;
  const std::size_t usa = *b.FindRegion("USA");
  const ImportsByPartner& imports = result_->outcomes.imports_by_partner.at(usa);
  ASSERT_EQ(imports.partners.size(), b.region_count() - 1);
  ASSERT_EQ(explained.size(), imports.partners.size());
  for (const PartnerImports& p : imports.partners) {
    const std::string& code = b.regions[p.exporter].code;
    ASSERT_TRUE(explained.count(code)) << code;
    EXPECT_NEAR(p.goods_duties.added_at_base_weights, explained[code], 1e-9) << code;
    EXPECT_GT(p.goods_duties.added_at_base_weights, 0.0) << code;
  }
  // The partners' rates, weighted by their goods imports, make the all-partner rate.
  double duties = 0.0, imports_base = 0.0;
  for (const PartnerImports& p : imports.partners) {
    duties += p.goods_duties.added_at_base_weights * p.goods_duties.goods_imports_base;
    imports_base += p.goods_duties.goods_imports_base;
  }
  const GoodsDuties& all = result_->outcomes.countries[usa].goods_duties;
  EXPECT_NEAR(all.added_at_base_weights, duties / imports_base, 1e-12);
  EXPECT_NEAR(all.goods_imports_base, imports_base, 1e-12 * imports_base);
  // Trade moves away from the taxed goods: the rate after shifts is lower.
  EXPECT_LT(all.added_after_shifts, all.added_at_base_weights);
}

TEST_F(DefaultScenario, RunJsonCarriesTheSameNumberAndTheMoneyFields) {
  const nlohmann::json j = RunResultToJson(*result_);
  const Baseline& b = result_->baseline;
  const std::size_t usa = *b.FindRegion("USA");
  const CountryOutcome& c = result_->outcomes.countries[usa];
  const nlohmann::json& us = j.at("countries").at("USA");
  EXPECT_DOUBLE_EQ(us.at("effective_tariff").at("added_at_base_weights_pct").get<double>(),
                   100.0 * c.goods_duties.added_at_base_weights);
  EXPECT_DOUBLE_EQ(us.at("welfare_money").get<double>(), c.welfare_exact * c.income_base);
  // Households: the Census count of 2024 with the 2024 baseline; per household in US$.
  EXPECT_EQ(us.at("households").get<double>(), 132737146.0);
  EXPECT_EQ(us.at("households_year").get<int>(), 2024);
  EXPECT_NEAR(us.at("welfare_per_household").get<double>(),
              c.welfare_money * b.manifest.money_unit / 132737146.0, 1e-6);
  EXPECT_DOUBLE_EQ(us.at("tariff_revenue_change_10y").get<double>(),
                   10.0 * (c.tariff_revenue_new - c.tariff_revenue_base));
  // No official count of the rest of the world: null, with the reason.
  EXPECT_TRUE(j.at("countries").at("ROW").at("welfare_per_household").is_null());
  EXPECT_NE(
      j.at("countries").at("ROW").at("households_note").get<std::string>().find("no official"),
      std::string::npos);
  for (const auto& importer : j.at("imports_by_partner")) {
    if (importer.at("importer") != "USA") continue;
    for (const auto& p : importer.at("partners")) {
      const std::size_t i = *b.FindRegion(p.at("exporter").get<std::string>());
      for (const PartnerImports& q : result_->outcomes.imports_by_partner[usa].partners) {
        if (q.exporter != i) continue;
        EXPECT_DOUBLE_EQ(p.at("effective_tariff").at("added_at_base_weights_pct").get<double>(),
                         100.0 * q.goods_duties.added_at_base_weights);
      }
    }
  }
  EXPECT_TRUE(j.at("scenario").at("warnings").empty());
}

// The CLI end to end: `ricardo run --format json` and `ricardo scenario explain --json` agree
// on the added tariff of the US on Canada and Mexico.
TEST(EffectiveTariffCli, RunJsonAgreesWithExplainJsonForCanadaAndMexico) {
  const auto run = RunCli("run us-tariffs-2025-11 --format json --no-elasticity-flags");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto explain = RunCli("scenario explain us-tariffs-2025-11 --json --products 0");
  ASSERT_EQ(explain.exit_code, 0) << explain.err;
  const nlohmann::json r = nlohmann::json::parse(run.out), e = nlohmann::json::parse(explain.out);
  for (const char* code : {"CAN", "MEX"}) {
    double explained = std::nan("");
    for (const auto& pair : e.at("pairs")) {
      if (pair.at("importer") == "USA" && pair.at("exporter") == code) {
        explained = pair.at("baseline_weighted_rate");
      }
    }
    double ran = std::nan("");
    for (const auto& importer : r.at("imports_by_partner")) {
      if (importer.at("importer") != "USA") continue;
      for (const auto& p : importer.at("partners")) {
        if (p.at("exporter") == code) {
          ran = p.at("effective_tariff").at("added_at_base_weights_pct").get<double>() / 100.0;
        }
      }
    }
    EXPECT_NEAR(ran, explained, 1e-9) << code;
    EXPECT_GT(ran, 0.0) << code;
  }
}

}  // namespace
}  // namespace ricardo
