// The paper's published numbers, reproduced from the raw files at run time.
#include "ricardo/replication.hpp"

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

const Cp2015Replication& Replication() {
  static const Cp2015Replication rep = ReplicateCp2015({});
  return rep;
}

const ReplicationCountry& Country(const std::string& code) {
  for (const auto& c : Replication().countries) {
    if (c.code == code) return c;
  }
  throw std::runtime_error("no country " + code);
}

// Rounds to the printed precision, as a reader of the paper would.
double Rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

TEST(Cp2015Replication, Table2MatchesThePaper) {
  struct Row {
    const char* code;
    double welfare, tot, vot, real_wage;
  };
  for (const Row& r : {Row{"MEX", 1.31, -0.41, 1.72, 1.72}, Row{"CAN", -0.06, -0.11, 0.04, 0.32},
                       Row{"USA", 0.08, 0.04, 0.04, 0.11}}) {
    const auto& c = Country(r.code);
    EXPECT_DOUBLE_EQ(Rounded(c.welfare.computed, 2), r.welfare) << r.code;
    EXPECT_DOUBLE_EQ(Rounded(c.tot.computed, 2), r.tot) << r.code;
    EXPECT_DOUBLE_EQ(Rounded(c.vot.computed, 2), r.vot) << r.code;
    EXPECT_DOUBLE_EQ(Rounded(c.real_wage.computed, 2), r.real_wage) << r.code;
  }
}

TEST(Cp2015Replication, Table2MatchesTheAuthorsCodeToFourDecimals) {
  struct Row {
    const char* code;
    double welfare, tot, vot, real_wage, exact;
  };
  for (const Row& r : {Row{"MEX", 1.3121, -0.4118, 1.7239, 1.7153, 0.0073},
                       Row{"CAN", -0.0638, -0.1081, 0.0443, 0.3228, -0.1101},
                       Row{"USA", 0.0848, 0.0435, 0.0412, 0.1124, 0.0741}}) {
    const auto& c = Country(r.code);
    EXPECT_DOUBLE_EQ(Rounded(c.welfare.computed, 4), r.welfare) << r.code;
    EXPECT_DOUBLE_EQ(Rounded(c.tot.computed, 4), r.tot) << r.code;
    EXPECT_DOUBLE_EQ(Rounded(c.vot.computed, 4), r.vot) << r.code;
    EXPECT_DOUBLE_EQ(Rounded(c.real_wage.computed, 4), r.real_wage) << r.code;
    EXPECT_DOUBLE_EQ(Rounded(c.welfare_exact.computed, 4), r.exact) << r.code;
    // Linearised welfare is ToT + VoT, by definition.
    EXPECT_NEAR(c.welfare.computed, c.tot.computed + c.vot.computed, 1e-12);
  }
}

TEST(Cp2015Replication, Table3MatchesThePaper) {
  struct Row {
    const char* code;
    double tot_nafta, tot_rest, vot_nafta, vot_rest;
  };
  for (const Row& r : {Row{"MEX", -0.39, -0.02, 1.80, -0.08}, Row{"CAN", -0.09, -0.02, 0.08, -0.04},
                       Row{"USA", 0.03, 0.01, 0.04, 0.00}}) {
    const auto& c = Country(r.code);
    EXPECT_DOUBLE_EQ(Rounded(c.tot_nafta.computed, 2), r.tot_nafta) << r.code;
    EXPECT_DOUBLE_EQ(Rounded(c.tot_rest.computed, 2), r.tot_rest) << r.code;
    EXPECT_DOUBLE_EQ(Rounded(c.vot_nafta.computed, 2), r.vot_nafta) << r.code;
    EXPECT_DOUBLE_EQ(Rounded(c.vot_rest.computed, 2) + 0.0, r.vot_rest) << r.code;
  }
}

TEST(Cp2015Replication, Table5AndTable11MatchThePaper) {
  const std::map<std::string, double> table5 = {{"CAN<-MEX", 58.57},  {"CAN<-USA", 9.49},
                                                {"MEX<-CAN", 116.60}, {"MEX<-USA", 118.31},
                                                {"USA<-CAN", 6.57},   {"USA<-MEX", 109.54}};
  ASSERT_EQ(Replication().table5.size(), 6u);
  for (const auto& p : Replication().table5) {
    EXPECT_DOUBLE_EQ(Rounded(p.growth.computed, 2), table5.at(p.importer + "<-" + p.exporter));
  }
  EXPECT_DOUBLE_EQ(Rounded(Country("MEX").imports_from_partners.computed, 2), 118.28);
  EXPECT_DOUBLE_EQ(Rounded(Country("CAN").imports_from_partners.computed, 2), 11.11);
  EXPECT_DOUBLE_EQ(Rounded(Country("USA").imports_from_partners.computed, 2), 40.52);
}

TEST(Cp2015Replication, EveryComparedValueMatchesAndEverySolveConverged) {
  EXPECT_EQ(Replication().CountMismatches(), 0);
  EXPECT_EQ(Replication().CountCompared(), 48);
  EXPECT_TRUE(Replication().counterfactual.IsConverged());
  EXPECT_TRUE(Replication().counterfactual.check.Pass(kCheckerTolerance));
  EXPECT_TRUE(Replication().base_year_with_deficits.IsConverged());
  EXPECT_TRUE(Replication().base_year_without_deficits.IsConverged());
}

TEST(Cp2015Replication, ReferenceAlgorithmTakesTheAuthorsIterationCounts) {
  ReplicationOptions options;
  options.solver.algorithm = Algorithm::kReference;
  options.solver.check_tolerance = 1e-6;
  const Cp2015Replication rep = ReplicateCp2015(options);
  // The authors' MATLAB code needs 93 outer and 1,668 inner iterations (DESIGN.md).
  EXPECT_EQ(rep.counterfactual.outer_iterations, 93);
  EXPECT_EQ(rep.counterfactual.price_iterations, 1668);
  EXPECT_EQ(rep.CountMismatches(), 0);
}

TEST(Cp2015Replication, OtherConfigurationsSolveWithoutPublishedTargets) {
  ReplicationOptions keep;
  keep.keep_deficits = true;
  ReplicationOptions world;
  world.experiment = cp2015::TariffExperiment::kWorld2005;
  for (const ReplicationOptions& options : {keep, world}) {
    const Cp2015Replication rep = ReplicateCp2015(options);
    EXPECT_FALSE(rep.published_targets_apply);
    EXPECT_EQ(rep.CountCompared(), 0);
    EXPECT_TRUE(rep.counterfactual.IsConverged()) << rep.counterfactual.FullReport();
    EXPECT_TRUE(rep.counterfactual.check.Pass(kCheckerTolerance));
  }
}

TEST(Cp2015ReplicationCli, JsonHasTheDocumentedFields) {
  const auto result = testing::RunCli("replicate cp2015 --json");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto j = nlohmann::json::parse(result.out);
  for (const char* country : {"MEX", "CAN", "USA"}) {
    for (const char* field : {"welfare", "tot", "vot", "real_wage"}) {
      EXPECT_TRUE(j["table2"][country][field].is_number()) << country << " " << field;
    }
    EXPECT_TRUE(j["import_growth_from_partners"][country].is_number());
    EXPECT_TRUE(j["welfare_exact"][country].is_number());
  }
  EXPECT_NEAR(j["table2"]["MEX"]["welfare"].get<double>(), 1.3121, 5e-5);
  EXPECT_NEAR(j["table5"]["MEX<-USA"].get<double>(), 118.31, 5e-3);
  EXPECT_EQ(j["summary"]["termination"], "converged");
  EXPECT_TRUE(j["summary"]["iterations"].is_number_integer());
  EXPECT_TRUE(j["summary"]["seconds"].is_number());
  EXPECT_LT(j["summary"]["max_residual"].get<double>(), 1e-8);
  EXPECT_EQ(j["mismatches"], 0);
}

TEST(Cp2015ReplicationCli, TablesPrintEachNumberBesideThePublishedOne) {
  const auto result = testing::RunCli("replicate cp2015");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("Mexico              1.3121     1.31 ✓   -0.4118    -0.41 ✓"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("All 48 published values reproduced"), std::string::npos);
  EXPECT_EQ(result.out.find("✗"), std::string::npos);
}

TEST(Cp2015ReplicationCli, OptionsAreValidated) {
  const auto result = testing::RunCli("replicate cp2015 --tariffs 2099");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--tariffs"), std::string::npos) << result.err;
  const auto keep = testing::RunCli("replicate cp2015 --keep-deficits --tariffs world-2005 --json");
  ASSERT_EQ(keep.exit_code, 0) << keep.err;
  const auto j = nlohmann::json::parse(keep.out);
  EXPECT_EQ(j["base_year"], "1993 with deficits");
  EXPECT_EQ(j["experiment"], "world-2005");
  EXPECT_TRUE(j["published"]["table2"]["MEX"]["welfare"].is_null());
}

}  // namespace
}  // namespace ricardo
