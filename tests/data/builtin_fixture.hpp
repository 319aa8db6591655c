// What the tests of the built-in baselines share: the shipped baselines loaded once, goods
// flows, and the 2024 data they are checked against, read straight from ../shared/data/world
// (not through the builder) so that a builder bug cannot hide behind its own numbers.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/csv.hpp"
#include "nlohmann/json.hpp"
#include "package_fixture.hpp"
#include "ricardo/gtap_concordance.hpp"
#include "ricardo/north_america.hpp"
#include "ricardo/package.hpp"
#include "ricardo/paths.hpp"
#include "ricardo/solver.hpp"
#include "test_support.hpp"

// ../shared/data/world into `dir`, or stop the test (test_support.hpp: REQUIRE_SHARED_DATA).
#define REQUIRE_SHARED_WORLD_DATA(dir) REQUIRE_SHARED_DATA(dir, "world")

namespace ricardo::testing {

inline const Baseline& ShippedBaseline(const std::string& name) {
  static std::map<std::string, Baseline> loaded;
  auto it = loaded.find(name);
  if (it == loaded.end()) it = loaded.emplace(name, LoadBaseline(name)).first;
  return it->second;
}

// A zero shock changes nothing: ŵ = P̂ = 1 and the trade shares are the baseline's.
inline void ExpectZeroShockChangesNothing(const Baseline& b) {
  const Solution s = Solve(b, Shock::None(b));
  ASSERT_TRUE(s.summary.IsConverged()) << s.summary.FullReport();
  for (double w : s.equilibrium.wage_ratio) EXPECT_NEAR(w, 1.0, 1e-10);
  for (double p : s.equilibrium.price_ratio.values()) EXPECT_NEAR(p, 1.0, 1e-10);
  const Array3 pi = ExpenditureShares(b);
  for (std::size_t k = 0; k < pi.size(); ++k) {
    EXPECT_NEAR(s.equilibrium.trade_shares.values()[k], pi.values()[k], 1e-10);
  }
}

// US$ of importer ← exporter, in one sector (by code) or over the goods sectors ("").
inline double FlowUsd(const Baseline& b, const std::string& importer, const std::string& exporter,
                      const std::string& sector = "") {
  const std::vector<bool> goods = GoodsSectors(b);
  const std::size_t n = *b.FindRegion(importer), i = *b.FindRegion(exporter);
  double total = 0.0;
  for (std::size_t j = 0; j < b.sector_count(); ++j) {
    if (sector.empty() ? goods[j] : b.sectors[j].code == sector) total += b.trade_flows(n, i, j);
  }
  return total * b.manifest.money_unit;
}

// `ricardo data show NAME --json`: its name, and every pair of its goods_trade list (as many as
// `pairs`) is the baseline's goods flow. Returns the document for further checks.
inline nlohmann::json ShowJsonOf(const std::string& name, std::size_t pairs) {
  const auto result = RunCli("data show " + name + " --json");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["name"], name);
  EXPECT_EQ(json["goods_trade"].size(), pairs);
  for (const auto& flow : json["goods_trade"]) {
    const std::string exporter = flow["exporter"], importer = flow["importer"];
    EXPECT_NEAR(flow["value_usd"].get<double>(), FlowUsd(ShippedBaseline(name), importer, exporter),
                1.0);
  }
  return json;
}

// A 2024 US figure of us_goods_trade_totals_2023_2024.csv (US$): the "Census goods" row where
// there is one, else the first row for partner, flow and period.
inline double CensusUsd(const std::filesystem::path& world, const std::string& partner,
                        const std::string& flow, const std::string& period = "2024") {
  const auto t =
      data_internal::ReadCsvFile(world / "trade" / "us_goods_trade_totals_2023_2024.csv", "totals");
  std::optional<double> value;
  for (const auto& r : t.records) {
    // reporter, partner, flow, period, value, unit, basis, ...
    if (r.fields[0] != "USA" || r.fields[1] != partner || r.fields[2] != flow ||
        r.fields[3] != period)
      continue;
    if (!value || r.fields[6] == "Census goods") value = std::stod(r.fields[4]) * 1e9;
  }
  EXPECT_TRUE(value.has_value()) << "no row for " << partner << " " << flow << " " << period;
  return value.value_or(0.0);
}

// Shares by sector code of a GTAP partner group's 2024 US imports, mapped to the 35 industries
// by the shipped data/concordance/gtap_to_wiod35.csv.
inline std::map<std::string, double> GtapGroupShares(const std::filesystem::path& world,
                                                     const std::string& group) {
  const GtapConcordance c =
      ReadGtapConcordanceCsv(DataDirectory() / "concordance" / "gtap_to_wiod35.csv");
  const auto t = data_internal::ReadCsvFile(
      world / "trade" / "us_imports_2024_by_gtap_and_partner_group_usd.csv", "gtap");
  std::size_t column = 0;
  while (column < t.header.size() && t.header[column] != group) ++column;
  std::map<std::string, double> usd;
  double total = 0.0;
  for (const auto& r : t.records) {
    const double value = std::stod(r.fields[column]);
    total += value;
    for (const GtapSplit& s : c.splits) {
      if (s.gtap == r.fields[0]) usd[s.sector] += value * s.share;
    }
  }
  for (auto& [sector, v] : usd) v /= total;
  return usd;
}

}  // namespace ricardo::testing
