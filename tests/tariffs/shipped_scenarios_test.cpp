// The shipped scenarios (scenarios/*.toml) and the examples of docs/scenarios.md run as tests,
// so that neither can rot: every scenario compiles on the built-in world baseline and
// solves, converged, with the independent checker's residuals below tolerance; each encodes
// what its description says; and `ricardo scenario explain --json` has the documented shape.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "ricardo/checker.hpp"
#include "ricardo/package.hpp"
#include "ricardo/run.hpp"
#include "ricardo/scenario.hpp"
#include "ricardo/wiod_industries.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

using testing::ProjectDirectory;
using testing::RunCli;

class ShippedScenariosTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { baseline_ = new Baseline(LoadBaseline("world")); }
  static void TearDownTestSuite() {
    delete baseline_;
    baseline_ = nullptr;
  }

  static const Baseline& B() { return *baseline_; }
  static std::size_t R(const char* code) { return *baseline_->FindRegion(code); }
  static std::size_t S(const char* code) { return *baseline_->FindSector(code); }
  // Goods sectors (ISIC 01–37): the 16 WIOD manufacturing, mining and agriculture industries.
  static bool Goods(std::size_t j) { return wiod::kIndustries[j].goods; }

  static CompiledScenario Compile(const std::string& name) {
    CompileOptions options;
    options.product_trace = false;
    return CompileScenario(LoadScenario(ResolveScenarioPath(name)), B(), options);
  }

  static Baseline* baseline_;
};

Baseline* ShippedScenariosTest::baseline_ = nullptr;

TEST_F(ShippedScenariosTest, TheScenariosOfIssuesFourAndTenAreShipped) {
  const std::vector<std::string> expected = {"canada-mexico-partnership",
                                             "us-section122-2026-03",
                                             "us-tariffs-2025-03",
                                             "us-tariffs-2025-11",
                                             "us-tariffs-2025-11-north-america-only",
                                             "us-tariffs-2025-11-retaliation",
                                             "usmca-breakdown"};
  EXPECT_EQ(ShippedScenarioNames(), expected);
  // The sector order the goods test relies on.
  ASSERT_EQ(B().sector_count(), wiod::kIndustries.size());
  for (std::size_t j = 0; j < B().sector_count(); ++j)
    EXPECT_EQ(B().sectors[j].code, wiod::kIndustries[j].code);
}

// Every shipped scenario: described, sourced, meant for world, dated; compiles; solves
// with converged termination; the checker's residuals are below kCheckerTolerance.
TEST_F(ShippedScenariosTest, EveryScenarioSolvesAndPassesTheChecker) {
  const auto names = ShippedScenarioNames();
  ASSERT_FALSE(names.empty());
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    const Scenario s = LoadScenario(ResolveScenarioPath(name));
    EXPECT_EQ(s.name, name);
    EXPECT_FALSE(s.title.empty());
    EXPECT_FALSE(s.description.empty());
    EXPECT_FALSE(s.sources.empty());
    EXPECT_EQ(s.baseline, "world");
    ASSERT_TRUE(s.date.has_value());
    // A file printed back parses to the same scenario.
    EXPECT_EQ(ParseScenario(ScenarioToToml(s), name + ".printed.toml"), s);

    const CompiledScenario c = Compile(name);
    EXPECT_EQ(c.trace.date, *s.date);
    const RunResult r = RunCompiled(c);
    const SolverSummary& summary = r.solution.summary;
    EXPECT_EQ(summary.termination, TerminationType::kConverged) << summary.FullReport();
    EXPECT_TRUE(summary.check.Pass(kCheckerTolerance)) << summary.check.ToString();
    EXPECT_LT(summary.check.walras, kCheckerTolerance);
    EXPECT_EQ(r.metadata.scenario_name, name);
    for (const CountryOutcome& country : r.outcomes.countries) {
      EXPECT_TRUE(std::isfinite(country.welfare_exact)) << country.code;
      EXPECT_GT(country.welfare_exact, -0.5) << country.code;  // no absurd outcome
      EXPECT_LT(country.welfare_exact, 0.5) << country.code;
    }
  }
}

// The North American measures alone: only US tariffs on Canada and Mexico change, upward, most
// in metals (50% 232 on the metal content) and transport equipment (autos, trucks, parts).
TEST_F(ShippedScenariosTest, NorthAmericaOnlyRaisesUsTariffsOnCanadaAndMexico) {
  const CompiledScenario c = Compile("us-tariffs-2025-11-north-america-only");
  const std::size_t usa = R("USA"), can = R("CAN"), mex = R("MEX");
  const std::size_t N = B().region_count(), J = B().sector_count();
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t i = 0; i < N; ++i) {
      for (std::size_t j = 0; j < J; ++j) {
        const double added = c.shock.tariff_rates(n, i, j) - B().tariff_rates(n, i, j);
        EXPECT_EQ(c.shock.trade_cost_ratio(n, i, j), 1.0);
        if (n == usa && (i == can || i == mex)) {
          EXPECT_GE(added, 0.0) << B().sectors[j].code;
        } else {
          EXPECT_EQ(added, 0.0) << n << " " << i << " " << B().sectors[j].code;
        }
      }
    }
  }
  for (std::size_t origin : {can, mex}) {
    SCOPED_TRACE(B().regions[origin].code);
    const double metals =
        c.shock.tariff_rates(usa, origin, S("metals")) - B().tariff_rates(usa, origin, S("metals"));
    const double transport = c.shock.tariff_rates(usa, origin, S("transport_equipment")) -
                             B().tariff_rates(usa, origin, S("transport_equipment"));
    // Metals: most lines pay 50% on (nearly) all their value, USMCA or not.
    EXPECT_GT(metals, 0.15);
    EXPECT_LT(metals, 0.50);
    // Transport equipment: 25% autos and trucks, 15% on USMCA vehicles (60% non-US content).
    EXPECT_GT(transport, 0.05);
    EXPECT_LT(transport, 0.25);
    // Both are among the highest sector increases.
    for (std::size_t j = 0; j < J; ++j) {
      const double added = c.shock.tariff_rates(usa, origin, j) - B().tariff_rates(usa, origin, j);
      if (j != S("utilities")) {
        EXPECT_LE(added, metals) << B().sectors[j].code;
      }
    }
  }
  // The tariffs cost Canada and Mexico real income.
  const RunResult r = RunCompiled(c);
  EXPECT_LT(r.outcomes.countries[can].welfare_exact, 0.0);
  EXPECT_LT(r.outcomes.countries[mex].welfare_exact, 0.0);
}

// The default scenario, the whole regime: US tariffs rise on every partner and on no one else's
// imports; China's and India's rises are the largest (China: fentanyl 20% + reciprocal 10% on
// nearly everything; India: 25% + 25%), Canada's and Mexico's the smallest (USMCA goods exempt
// from IEEPA); electricity (utilities) is the one non-goods sector charged (Canadian energy, 10%);
// the North American rows
// equal the north-america-only scenario's (the rest of the regime adds no measure on them).
TEST_F(ShippedScenariosTest, DefaultScenarioRaisesUsTariffsOnEveryPartner) {
  const CompiledScenario c = Compile("us-tariffs-2025-11");
  const CompiledScenario na = Compile("us-tariffs-2025-11-north-america-only");
  const std::size_t usa = R("USA"), N = B().region_count(), J = B().sector_count();
  std::vector<double> rise(N, 0.0);  // baseline-flow-weighted added tariff on goods
  for (std::size_t i = 0; i < N; ++i) {
    double flows = 0.0;
    for (std::size_t n = 0; n < N; ++n) {
      for (std::size_t j = 0; j < J; ++j) {
        const double added = c.shock.tariff_rates(n, i, j) - B().tariff_rates(n, i, j);
        if (n != usa || i == usa) {
          EXPECT_EQ(added, 0.0) << n << " " << i << " " << B().sectors[j].code;
        } else if (Goods(j) || B().sectors[j].code == "utilities") {
          EXPECT_GE(added, 0.0) << B().regions[i].code << " " << B().sectors[j].code;
          rise[i] += B().trade_flows(n, i, j) * added;
          flows += B().trade_flows(n, i, j);
        } else {
          EXPECT_EQ(added, 0.0) << B().regions[i].code << " " << B().sectors[j].code;
        }
        if (n == usa && (i == R("CAN") || i == R("MEX"))) {
          EXPECT_EQ(c.shock.tariff_rates(n, i, j), na.shock.tariff_rates(n, i, j))
              << B().sectors[j].code;
        }
      }
    }
    if (flows > 0.0) rise[i] /= flows;
  }
  for (std::size_t i = 0; i < N; ++i) {
    if (i == usa) continue;
    SCOPED_TRACE(B().regions[i].code);
    EXPECT_GT(rise[i], 0.02);
    if (i != R("CHN") && i != R("IND")) {
      EXPECT_LT(rise[i], std::min(rise[R("CHN")], rise[R("IND")]));
    }
    if (i != R("CAN") && i != R("MEX")) {
      EXPECT_GT(rise[i], std::max(rise[R("CAN")], rise[R("MEX")]));
    }
  }
  EXPECT_GT(rise[R("CHN")], 0.20);
  EXPECT_LT(rise[R("CHN")], 0.40);
  // The shock is the change since the reference date: Section 301 (in force then) adds nothing,
  // so the all-goods level on the date (which trackers publish) exceeds China's change, and
  // without the reference date the shock would be larger.
  ASSERT_TRUE(c.trace.reference_date.has_value());
  for (const PairTrace& p : c.trace.pairs) {
    if (p.exporter != "CHN") continue;
    EXPECT_GT(p.reference_all_goods_rate, 0.05);
    EXPECT_GT(p.all_goods_rate, p.reference_all_goods_rate);
  }
  Scenario without = LoadScenario(ResolveScenarioPath("us-tariffs-2025-11"));
  without.reference_date.reset();
  CompileOptions options;
  options.product_trace = false;
  const CompiledScenario levels = CompileScenario(without, B(), options);
  EXPECT_GT(levels.shock.tariff_rates(usa, R("CHN"), S("textiles")),
            c.shock.tariff_rates(usa, R("CHN"), S("textiles")) + 0.05);
  // Trade diversion: US imports from China fall far more than from Mexico and Canada.
  const RunResult r = RunCompiled(c);
  const Array3& flows_before = r.outcomes.flows_base;
  const Array3& flows_after = r.outcomes.flows_new;
  auto total = [&](const Array3& x, std::size_t i) {
    double sum = 0.0;
    for (std::size_t j = 0; j < J; ++j) sum += x(usa, i, j);
    return sum;
  };
  const double china = total(flows_after, R("CHN")) / total(flows_before, R("CHN")) - 1.0;
  const double mexico = total(flows_after, R("MEX")) / total(flows_before, R("MEX")) - 1.0;
  EXPECT_LT(china, -0.2);
  EXPECT_GT(mexico, china + 0.2);
}

// USMCA breakdown: between the three, every goods sector gets the importer's tariff on the rest
// of the world (the MFN proxy) on top of the baseline's zero; services and ROW are untouched.
TEST_F(ShippedScenariosTest, UsmcaBreakdownGivesMfnLevelRatesAmongTheThree) {
  const CompiledScenario c = Compile("usmca-breakdown");
  const std::vector<std::size_t> three = {R("USA"), R("CAN"), R("MEX")};
  const std::size_t row = R("ROW");
  int raised = 0;
  for (std::size_t n : three) {
    for (std::size_t i : three) {
      if (i == n) continue;
      for (std::size_t j = 0; j < B().sector_count(); ++j) {
        SCOPED_TRACE(B().regions[n].code + " <- " + B().regions[i].code + " " +
                     B().sectors[j].code);
        EXPECT_EQ(B().tariff_rates(n, i, j), 0.0);  // the preference the scenario removes
        const double expected = Goods(j) ? B().tariff_rates(n, row, j) : 0.0;
        EXPECT_NEAR(c.shock.tariff_rates(n, i, j), expected, 1e-12);
        if (expected > 0.0) ++raised;
      }
    }
    for (std::size_t j = 0; j < B().sector_count(); ++j) {
      EXPECT_EQ(c.shock.tariff_rates(n, row, j), B().tariff_rates(n, row, j));
      EXPECT_EQ(c.shock.tariff_rates(row, n, j), B().tariff_rates(row, n, j));
    }
  }
  EXPECT_GT(raised, 6 * 10);  // most goods sectors of the six pairs carry an MFN tariff
}

// Canada–Mexico partnership: d̂ = 0.9 both ways in the goods sectors, nothing else changes.
TEST_F(ShippedScenariosTest, PartnershipChangesOnlyTradeCostsBetweenCanadaAndMexico) {
  const CompiledScenario c = Compile("canada-mexico-partnership");
  const std::size_t can = R("CAN"), mex = R("MEX");
  EXPECT_EQ(c.shock.tariff_rates, B().tariff_rates);
  for (std::size_t n = 0; n < B().region_count(); ++n) {
    for (std::size_t i = 0; i < B().region_count(); ++i) {
      for (std::size_t j = 0; j < B().sector_count(); ++j) {
        const bool pair = (n == can && i == mex) || (n == mex && i == can);
        EXPECT_EQ(c.shock.trade_cost_ratio(n, i, j), pair && Goods(j) ? 0.9 : 1.0)
            << n << " " << i << " " << B().sectors[j].code;
      }
    }
  }
  const RunResult r = RunCompiled(c);
  EXPECT_GT(r.outcomes.countries[can].welfare_exact, 0.0);
  EXPECT_GT(r.outcomes.countries[mex].welfare_exact, 0.0);
}

// The retaliation scenario is the default plus Canada's and China's counter-tariffs: identical
// rows elsewhere.
TEST_F(ShippedScenariosTest, RetaliationAddsOnlyCanadianAndChineseTariffs) {
  const CompiledScenario base = Compile("us-tariffs-2025-11");
  const CompiledScenario retaliation = Compile("us-tariffs-2025-11-retaliation");
  const std::size_t can = R("CAN"), chn = R("CHN"), usa = R("USA");
  double raised = 0.0, raised_by_china = 0.0;
  for (std::size_t n = 0; n < B().region_count(); ++n) {
    for (std::size_t i = 0; i < B().region_count(); ++i) {
      for (std::size_t j = 0; j < B().sector_count(); ++j) {
        const double a = base.shock.tariff_rates(n, i, j),
                     b = retaliation.shock.tariff_rates(n, i, j);
        if (n == can && i == usa) {
          EXPECT_GE(b, a);
          raised += b - a;
        } else if (n == chn && i == usa) {
          EXPECT_GE(b, a);
          raised_by_china += b - a;
        } else {
          EXPECT_NEAR(b, a, 1e-15) << n << " " << i << " " << B().sectors[j].code;
        }
      }
    }
  }
  EXPECT_GT(raised, 0.0);
  EXPECT_GT(raised_by_china, 0.0);
}

// The TOML examples of docs/scenarios.md parse and check on north-america (documentation is
// tested like the scenarios, so it cannot drift from the parser).
TEST_F(ShippedScenariosTest, DocumentationExamplesParseAndCheck) {
  std::ifstream in(ProjectDirectory() / "docs/scenarios.md");
  ASSERT_TRUE(in) << "docs/scenarios.md is missing";
  std::string line, block;
  bool inside = false;
  int examples = 0;
  while (std::getline(in, line)) {
    if (!inside && line == "```toml") {
      inside = true;
      block.clear();
    } else if (inside && line == "```") {
      inside = false;
      ++examples;
      SCOPED_TRACE(block);
      // Fragments (a measure without the scenario around it) start with "# fragment".
      const bool fragment = block.rfind("# fragment", 0) == 0;
      const std::string text =
          fragment ? "name = \"fragment\"\ndate = 2025-11-01\n" + block : block;
      try {
        const Scenario s = ParseScenario(text, "docs-example.toml");
        CheckScenario(s, B());
      } catch (const Error& e) {
        ADD_FAILURE() << e.what();
      }
    } else if (inside) {
      block += line + "\n";
    }
  }
  EXPECT_GE(examples, 5);
}

// `ricardo scenario explain scenarios/us-tariffs-2025-11.toml --origin CAN --json`: one pair,
// USA <- CAN in products mode, with sectors and products whose numbers add up.
TEST_F(ShippedScenariosTest, ExplainJsonForCanada) {
  const std::string file = (ProjectDirectory() / "scenarios/us-tariffs-2025-11.toml").string();
  const auto result = RunCli("scenario explain '" + file + "' --origin CAN --json");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json j = nlohmann::json::parse(result.out);
  EXPECT_EQ(j["schema"], "ricardo.scenario-explain");
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["scenario"]["name"], "us-tariffs-2025-11");
  EXPECT_EQ(j["date"], "2025-11-01");
  EXPECT_EQ(j["usmca_method"], "rolling-3-month");
  EXPECT_EQ(j["months"], nlohmann::json({"2025-09", "2025-10", "2025-11"}));
  // The whole regime: 55 measures in force; the Korean and Swiss floors, China's 10% fentanyl
  // rate (all later) and the 2018 Section 232 duties (in force on the reference date) are not.
  EXPECT_EQ(j["measures_in_force"].size(), 55u);
  EXPECT_EQ(j["measures_not_in_force"].size(), 5u);
  ASSERT_EQ(j["pairs"].size(), 1u);
  const nlohmann::json& pair = j["pairs"][0];
  EXPECT_EQ(pair["importer"], "USA");
  EXPECT_EQ(pair["exporter"], "CAN");
  EXPECT_EQ(pair["method"], "products");
  const double all_goods = pair["all_goods_rate"];
  EXPECT_GT(all_goods, 0.03);  // well below the 35% headline: USMCA goods are exempt
  EXPECT_LT(all_goods, 0.10);
  EXPECT_GT(pair["value_usd"].get<double>(), 50e9);  // three months of US imports from Canada
  EXPECT_GT(pair["value_usd"].get<double>(), pair["unmapped_value_usd"].get<double>());

  // Measures: contributions in fractions of the pair's value, adding up to the all-goods rate.
  double contributions = 0.0;
  std::set<std::string> measures;
  for (const auto& m : pair["measures"]) {
    contributions += m["contribution"].get<double>();
    measures.insert(m["id"]);
  }
  EXPECT_NEAR(contributions, all_goods, 1e-9);
  for (const char* id :
       {"ieepa-canada", "s232-steel", "s232-aluminum", "s232-autos", "s232-lumber"}) {
    EXPECT_TRUE(measures.count(id)) << id;
  }
  EXPECT_FALSE(measures.count("ieepa-mexico"));

  // Sectors: t′ = baseline + added; metals and transport equipment present.
  std::set<std::string> sectors;
  for (const auto& s : pair["sectors"]) {
    sectors.insert(s["sector"]);
    EXPECT_NEAR(s["counterfactual_rate"].get<double>(),
                s["baseline_rate"].get<double>() + s["added_rate"].get<double>(), 1e-15);
    EXPECT_LE(s["products_hit"].get<int>(), s["products"].get<int>());
    EXPECT_EQ(s["method"], "products");
  }
  EXPECT_TRUE(sectors.count("metals"));
  EXPECT_TRUE(sectors.count("transport_equipment"));

  // Products: all of them in JSON, largest value × rate first; a product's rate is the sum of
  // its hits, each hit rate × value share.
  const auto& products = pair["products"];
  ASSERT_GT(products.size(), 1000u);
  double previous = INFINITY, charged = 0.0;
  for (const auto& p : products) {
    EXPECT_EQ(p["hts10"].get<std::string>().size(), 10u);
    const double rate = p["rate"], value = p["value_usd"];
    EXPECT_LE(value * rate, previous * (1 + 1e-12));
    previous = value * rate;
    charged += value * rate;
    double sum = 0.0;
    for (const auto& h : p["hits"]) {
      sum += h["contribution"].get<double>();
      EXPECT_NEAR(h["contribution"].get<double>(),
                  h["rate"].get<double>() * h["value_share"].get<double>(), 1e-12);
    }
    EXPECT_NEAR(rate, sum, 1e-12);
    EXPECT_GE(p["usmca_share"].get<double>(), 0.0);
    EXPECT_LE(p["usmca_share"].get<double>(), 1.0);
  }
  // Products with no measure in scope carry no rate, so the listed ones hold all the charge.
  EXPECT_NEAR(charged / pair["value_usd"].get<double>(), all_goods, 1e-9);

  // The text form names the same all-goods rate.
  const auto text = RunCli("scenario explain '" + file + "' --origin CAN --products 3");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  char expected[64];
  std::snprintf(expected, sizeof expected, "trade-weighted additional tariff: %.2f%%",
                100.0 * all_goods);
  EXPECT_NE(text.out.find(expected), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("USA <- MEX"), std::string::npos);
}

}  // namespace
}  // namespace ricardo
