// Imports by partner (Outcomes::imports_by_partner), the trade-diversion view: a case small
// enough to check by hand, the invariants on solved runs (shares sum to 100%, changes in share
// to zero, values equal the bilateral flows), and the story's order.
#include <cmath>
#include <numeric>

#include "gtest/gtest.h"
#include "report_fixture.hpp"
#include "ricardo/outcomes.hpp"

namespace ricardo::testing {
namespace {

// Three regions, two sectors. Region 0 buys from 1: 30 + 30 = 60 before, 20 + 30 = 50 after;
// from 2: 40 + 0 = 40 before, 50 + 0 = 50 after. Tariffs on 1: 10% and 0% before, 30% and 0%
// after; on 2: 5% in sector 0 throughout (sector 1: 50%, but no trade to weight it by).
TEST(ImportsByPartner, HandCheckedCase) {
  Outcomes o;
  o.flows_base = Array3(3, 3, 2);
  o.flows_new = Array3(3, 3, 2);
  o.flows_base(0, 0, 0) = 500.0;  // domestic: never part of imports
  o.flows_base(0, 1, 0) = 30.0;
  o.flows_base(0, 1, 1) = 30.0;
  o.flows_base(0, 2, 0) = 40.0;
  o.flows_new(0, 0, 0) = 480.0;
  o.flows_new(0, 1, 0) = 20.0;
  o.flows_new(0, 1, 1) = 30.0;
  o.flows_new(0, 2, 0) = 50.0;
  Array3 rates_base(3, 3, 2), rates_new(3, 3, 2);
  rates_base(0, 1, 0) = 0.10;
  rates_new(0, 1, 0) = 0.30;
  rates_base(0, 2, 0) = rates_new(0, 2, 0) = 0.05;
  rates_base(0, 2, 1) = rates_new(0, 2, 1) = 0.50;

  const ImportsByPartner m = ComputeImportsByPartner(o, rates_base, rates_new, 0);
  EXPECT_EQ(m.importer, 0u);
  EXPECT_DOUBLE_EQ(m.imports_base, 100.0);
  EXPECT_DOUBLE_EQ(m.imports_new, 100.0);
  ASSERT_EQ(m.partners.size(), 2u);
  // Region 2 gains 10 points of share, region 1 loses them: the gainer comes first.
  const PartnerImports& gainer = m.partners[0];
  const PartnerImports& loser = m.partners[1];
  EXPECT_EQ(gainer.exporter, 2u);
  EXPECT_EQ(loser.exporter, 1u);
  EXPECT_DOUBLE_EQ(gainer.imports_base, 40.0);
  EXPECT_DOUBLE_EQ(gainer.imports_new, 50.0);
  EXPECT_DOUBLE_EQ(gainer.share_base, 0.4);
  EXPECT_DOUBLE_EQ(gainer.share_new, 0.5);
  EXPECT_NEAR(gainer.share_change(), 0.1, 1e-15);
  EXPECT_DOUBLE_EQ(loser.share_base, 0.6);
  EXPECT_DOUBLE_EQ(loser.share_new, 0.5);
  EXPECT_NEAR(loser.share_change(), -0.1, 1e-15);
  // Trade-weighted tariffs: (0.10·30 + 0·30) / 60 = 5% before, (0.30·20 + 0·30) / 50 = 12% after.
  EXPECT_DOUBLE_EQ(loser.tariff_base, 0.05);
  EXPECT_DOUBLE_EQ(loser.tariff_new, 0.12);
  EXPECT_DOUBLE_EQ(gainer.tariff_base, 0.05);
  EXPECT_DOUBLE_EQ(gainer.tariff_new, 0.05);

  // Region 1 imports nothing: no shares (NaN), no tariffs to weight, and no crash.
  const ImportsByPartner none = ComputeImportsByPartner(o, rates_base, rates_new, 1);
  ASSERT_EQ(none.partners.size(), 2u);
  EXPECT_EQ(none.imports_base, 0.0);
  for (const PartnerImports& p : none.partners) {
    EXPECT_TRUE(std::isnan(p.share_base));
    EXPECT_TRUE(std::isnan(p.tariff_base));
  }
}

// The invariants on every importer of a solved run.
void ExpectConsistent(const RunResult& run) {
  const Outcomes& o = run.outcomes;
  const std::size_t N = run.baseline.region_count();
  ASSERT_EQ(o.imports_by_partner.size(), N);
  for (std::size_t n = 0; n < N; ++n) {
    const ImportsByPartner& m = o.imports_by_partner[n];
    const std::string& code = run.baseline.regions[n].code;
    EXPECT_EQ(m.importer, n);
    ASSERT_EQ(m.partners.size(), N - 1) << code;
    double shares_base = 0.0, shares_new = 0.0, changes = 0.0;
    std::vector<bool> seen(N, false);
    for (std::size_t k = 0; k < m.partners.size(); ++k) {
      const PartnerImports& p = m.partners[k];
      ASSERT_NE(p.exporter, n) << code;
      EXPECT_FALSE(seen[p.exporter]) << code << " lists a partner twice";
      seen[p.exporter] = true;
      // Values equal the bilateral flows summed over sectors, exactly as the other outputs read
      // them.
      EXPECT_EQ(p.imports_base, o.BilateralImportsBase(n, p.exporter));
      EXPECT_EQ(p.imports_new, o.BilateralImportsNew(n, p.exporter));
      double by_sector = 0.0;
      for (std::size_t j = 0; j < run.baseline.sector_count(); ++j)
        by_sector += o.flows_new(n, p.exporter, j);
      EXPECT_NEAR(p.imports_new, by_sector, 1e-12 * by_sector);
      EXPECT_DOUBLE_EQ(p.share_base, p.imports_base / m.imports_base);
      EXPECT_DOUBLE_EQ(p.share_new, p.imports_new / m.imports_new);
      EXPECT_DOUBLE_EQ(p.tariff_base, PairTradeWeightedTariff(run.baseline.tariff_rates,
                                                              o.flows_base, n, p.exporter));
      EXPECT_DOUBLE_EQ(p.tariff_new,
                       PairTradeWeightedTariff(run.shock.tariff_rates, o.flows_new, n, p.exporter));
      shares_base += p.share_base;
      shares_new += p.share_new;
      changes += p.share_change();
      if (k > 0) {
        EXPECT_GE(m.partners[k - 1].share_change(), p.share_change() - 1e-10) << code;
      }
    }
    EXPECT_NEAR(shares_base, 1.0, 1e-12) << code;
    EXPECT_NEAR(shares_new, 1.0, 1e-12) << code;
    EXPECT_NEAR(changes, 0.0, 1e-12) << code;
    // The total is the country's imports (net of tariffs, domestic sales excluded).
    EXPECT_NEAR(m.imports_base, o.countries[n].imports_base, 1e-12 * m.imports_base) << code;
    EXPECT_NEAR(m.imports_new, o.countries[n].imports_new, 1e-12 * m.imports_new) << code;
  }
}

TEST(ImportsByPartner, InvariantsOnTheSmallNorthAmericanRun) {
  ExpectConsistent(SmallRun(true));
}

TEST(ImportsByPartner, InvariantsOnTheTwelveRegionRun) {
  const RunResult run = SmallWorldRun();
  ASSERT_TRUE(run.solution.summary.IsConverged()) << run.solution.summary.FullReport();
  ExpectConsistent(run);
  // The story the fixture is built to tell: the partners spared by the US (CAN, MEX) gain share
  // of US imports and the one hit hardest (CHN) loses the most.
  const Baseline& b = run.baseline;
  const auto& us = run.outcomes.imports_by_partner[*b.FindRegion("USA")].partners;
  EXPECT_EQ(b.regions[us.back().exporter].code, "CHN");
  for (const PartnerImports& p : us) {
    const std::string& code = b.regions[p.exporter].code;
    if (code == "CAN" || code == "MEX") {
      EXPECT_GT(p.share_change(), 0.0) << code;
    }
  }
}

TEST(ImportsByPartner, WithoutAShockSharesStayAndTheLargerPartnerComesFirst) {
  const Baseline& b = SmallWorld();
  const RunResult run = RunCounterfactual(b, Shock::None(b), SolverOptions{}, RunMetadata{});
  for (const ImportsByPartner& m : run.outcomes.imports_by_partner) {
    for (std::size_t k = 0; k < m.partners.size(); ++k) {
      EXPECT_NEAR(m.partners[k].share_change(), 0.0, 1e-12);
      if (k > 0) {
        EXPECT_GE(m.partners[k - 1].imports_base, m.partners[k].imports_base);
      }
    }
  }
}

}  // namespace
}  // namespace ricardo::testing
