// The cross-check against the Yale Budget Lab's tariff-rate tracker (ricardo/tracker.hpp,
// data/tracker/): the shipped files read as published, malformed ones fail where they are
// wrong, and the default scenario on world sits within 2 points of the tracker for all partners
// together, as docs/tracker-comparison.md says; `ricardo scenario explain` prints the table.
#include "ricardo/tracker.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "nlohmann/json.hpp"
#include "ricardo/package.hpp"
#include "ricardo/paths.hpp"
#include "ricardo/scenario.hpp"
#include "tariff_fixtures.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

using testing::MakeTempDirectory;
using testing::ProjectDirectory;
using testing::RunCli;
using testing::WriteFile;

const std::vector<std::string> kGroups = {"canada", "mexico", "china", "eu",
                                          "uk",     "japan",  "ftrow", "row"};

TEST(TrackerRates, TheShippedFilesHoldEightGroupsOnSixDatesAndTheOverallRows) {
  const TrackerRates t = LoadTrackerRates(ProjectDirectory() / "data/tracker");
  ASSERT_EQ(t.rates.size(), 8u * 6u + 6u);
  std::map<std::string, std::set<std::string>> dates_of;  // group → dates
  for (const TrackerRate& r : t.rates) {
    EXPECT_TRUE(Date::Parse(r.date).has_value()) << r.date;
    EXPECT_FALSE(r.label.empty());
    EXPECT_GE(r.rate, 0.0);
    EXPECT_LT(r.rate, 1.0);
    EXPECT_TRUE(dates_of[r.group].insert(r.date).second)
        << "two rows for " << r.group << " on " << r.date;
  }
  EXPECT_EQ(dates_of.size(), 9u);  // eight groups and "" (all partners)
  const std::set<std::string> dates = {"2025-03-17", "2025-04-17", "2025-07-17",
                                       "2025-10-17", "2025-11-17", "2026-02-25"};
  for (const std::string& group : kGroups) EXPECT_EQ(dates_of[group], dates) << group;
  EXPECT_EQ(dates_of[""], dates);
  // The published numbers at their published precision (yale_etr_overall.csv, "Phase 2").
  bool found = false;
  for (const TrackerRate& r : t.rates) {
    if (r.group.empty() && r.date == "2025-10-17") {
      EXPECT_EQ(r.label, "Phase 2");
      EXPECT_EQ(r.rate, 0.15424268833128388);
      found = true;
    }
  }
  EXPECT_TRUE(found);
  EXPECT_NE(ShippedTrackerRates(), nullptr);
}

// A tracker directory with both files, one of them replaced by `text`.
std::filesystem::path TrackerDirectory(const std::string& name, const std::string& by_partner,
                                       const std::string& overall) {
  const auto dir = MakeTempDirectory(name);
  WriteFile(dir / "yale_etr_by_partner.csv", by_partner);
  WriteFile(dir / "yale_etr_overall.csv", overall);
  return dir;
}

const std::string kByPartnerHeader = "date,label,partner,etr,import_share,etr_tpc\n";
const std::string kOverallHeader = "date,label,etr,matched_imports_b,total_imports_b,etr_tpc\n";
const std::string kGoodPartner =
    kByPartnerHeader + "2025-03-17,Fentanyl,canada,0.116,0.125,0.093\n";
const std::string kGoodOverall = kOverallHeader + "2025-03-17,Fentanyl,0.1005,1538.6,3123.7,0.08\n";

TEST(TrackerRates, ReadsAWellFormedDirectory) {
  const TrackerRates t =
      LoadTrackerRates(TrackerDirectory("tracker-good", kGoodPartner, kGoodOverall));
  ASSERT_EQ(t.rates.size(), 2u);
  EXPECT_EQ(t.rates[0].group, "canada");
  EXPECT_EQ(t.rates[0].label, "Fentanyl");
  EXPECT_EQ(t.rates[0].rate, 0.116);
  EXPECT_EQ(t.rates[1].group, "");
  EXPECT_EQ(t.rates[1].rate, 0.1005);
}

TEST(TrackerRates, MalformedFilesGiveLocatedErrors) {
  struct Case {
    const char* name;
    std::string by_partner, overall;
    const char* file;     // the one at fault
    std::string message;  // what() after "<dir>/<file>"
  };
  const std::vector<Case> cases = {
      {"wrong-header", "date,label,partner,rate\n2025-03-17,Fentanyl,canada,0.1\n", kGoodOverall,
       "yale_etr_by_partner.csv",
       ":1:1: unexpected header 'date,label,partner,rate' (expected "
       "'date,label,partner,etr,import_share,etr_tpc')"},
      {"field-count", kGoodPartner + "2025-04-17,Liberation Day,china,0.4,0.13\n", kGoodOverall,
       "yale_etr_by_partner.csv",
       ":3:1: 5 fields, expected 6 (the file is the tracker's table as published: "
       "date,label,partner,etr,import_share,etr_tpc)"},
      {"bad-date", kByPartnerHeader + "2025-02-30,Fentanyl,canada,0.116,0.125,0.093\n",
       kGoodOverall, "yale_etr_by_partner.csv",
       ":2:1: '2025-02-30' is not a date (write dates as YYYY-MM-DD)"},
      {"not-a-number", kByPartnerHeader + "2025-03-17,Fentanyl,canada,11.6%,0.125,0.093\n",
       kGoodOverall, "yale_etr_by_partner.csv", ":2:4: value '11.6%' is not a number"},
      {"overall-not-a-number", kGoodPartner,
       kOverallHeader + "2025-03-17,Fentanyl,,1538.6,3123.7,0.08\n", "yale_etr_overall.csv",
       ":2:3: value '' is not a number"},
      {"overall-bad-date", kGoodPartner,
       kOverallHeader + "17/03/2025,Fentanyl,0.1,1538.6,3123.7,0.08\n", "yale_etr_overall.csv",
       ":2:1: '17/03/2025' is not a date (write dates as YYYY-MM-DD)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto dir = TrackerDirectory(std::string("tracker-") + c.name, c.by_partner, c.overall);
    try {
      LoadTrackerRates(dir);
      ADD_FAILURE() << "no error";
    } catch (const DataError& e) {
      EXPECT_EQ(std::string(e.what()), (dir / c.file).string() + c.message);
    }
  }
}

TEST(TrackerRates, AMissingFileIsNotFound) {
  const auto dir = MakeTempDirectory("tracker-missing");
  WriteFile(dir / "yale_etr_by_partner.csv", kGoodPartner);
  EXPECT_THROW(LoadTrackerRates(dir), NotFoundError);
}

class TrackerComparisonTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const Scenario s = LoadScenario(ProjectDirectory() / "scenarios/us-tariffs-2025-11.toml");
    compiled_ = new CompiledScenario(CompileScenario(s, LoadBaseline("world")));
    comparison_ = new TrackerComparison(
        CompareWithTracker(*compiled_, LoadTrackerRates(ProjectDirectory() / "data/tracker")));
  }
  static void TearDownTestSuite() {
    delete compiled_;
    delete comparison_;
  }
  static const TrackerRow& Row(const std::string& group) {
    for (const TrackerRow& r : comparison_->rows) {
      if (r.group == group) return r;
    }
    throw std::runtime_error("no row " + group);
  }
  static CompiledScenario* compiled_;
  static TrackerComparison* comparison_;
};

CompiledScenario* TrackerComparisonTest::compiled_ = nullptr;
TrackerComparison* TrackerComparisonTest::comparison_ = nullptr;

TEST_F(TrackerComparisonTest, EightGroupsAndAllPartners) {
  ASSERT_EQ(comparison_->rows.size(), 9u);
  for (std::size_t k = 0; k < kGroups.size(); ++k)
    EXPECT_EQ(comparison_->rows[k].group, kGroups[k]);
  EXPECT_EQ(comparison_->rows.back().group, "all");
  EXPECT_EQ(comparison_->importer, "USA");
  // The compile date 2025-11-01 lies between the tracker's dates 2025-10-17 and 2025-11-17.
  EXPECT_EQ(comparison_->date_before, "2025-10-17");
  EXPECT_EQ(comparison_->date_after, "2025-11-17");
  double groups_usd = 0.0, groups_charged = 0.0;
  for (std::size_t k = 0; k + 1 < comparison_->rows.size(); ++k) {
    const TrackerRow& r = comparison_->rows[k];
    EXPECT_GT(r.imports_2024_usd, 0.0) << r.group;
    EXPECT_TRUE(r.tracker_before.has_value()) << r.group;
    EXPECT_TRUE(r.tracker_after.has_value()) << r.group;
    EXPECT_TRUE(r.model_reference_rate.has_value())
        << r.group;  // the scenario has a reference date
    groups_usd += r.imports_2024_usd;
    groups_charged += r.imports_2024_usd * r.model_rate;
  }
  const TrackerRow& all = comparison_->rows.back();
  EXPECT_NEAR(groups_usd, all.imports_2024_usd, 1e-12 * all.imports_2024_usd);
  // The "all" row is the import-weighted mean of the groups.
  EXPECT_NEAR(groups_charged / groups_usd, all.model_rate, 1e-12);
  EXPECT_EQ(all.members, "every partner");
}

// The overall cross-check docs/tracker-comparison.md claims: within 2 percentage points.
TEST_F(TrackerComparisonTest, AllPartnersWithinTwoPointsOfTheTracker) {
  const TrackerRow& all = Row("all");
  ASSERT_TRUE(all.tracker_before.has_value());
  EXPECT_EQ(*all.tracker_before, 0.15424268833128388);
  EXPECT_NEAR(all.model_rate, *all.tracker_before, 0.02);
  EXPECT_EQ(all.gap(), all.model_rate - *all.tracker_before);
  EXPECT_GT(all.model_rate, 0.05);  // the regime is there at all
}

// Groups that are one region of world carry that region's all-goods rate.
TEST_F(TrackerComparisonTest, SingleRegionGroupsCarryTheirPairsRate) {
  for (const auto& [group, region] : std::map<std::string, std::string>{{"canada", "CAN"},
                                                                        {"mexico", "MEX"},
                                                                        {"china", "CHN"},
                                                                        {"uk", "GBR"},
                                                                        {"japan", "JPN"}}) {
    SCOPED_TRACE(group);
    const TrackerRow& r = Row(group);
    EXPECT_EQ(r.members, region);
    const PairTrace* pair = nullptr;
    for (const PairTrace& p : compiled_->trace.pairs) {
      if (p.importer == "USA" && p.exporter == region) pair = &p;
    }
    ASSERT_NE(pair, nullptr);
    EXPECT_NEAR(r.model_rate, pair->all_goods_rate, 1e-12);
    EXPECT_NEAR(*r.model_reference_rate, pair->reference_all_goods_rate, 1e-12);
  }
}

TEST_F(TrackerComparisonTest, TheTextTableHasAHeaderAndARowPerGroup) {
  const std::string text = TrackerComparisonText(*comparison_);
  EXPECT_EQ(text.rfind("US additional tariffs on all goods by partner group, beside the ", 0), 0u)
      << text;
  for (const char* name : {"\nCanada ", "\nMexico ", "\nChina ", "\nEU ", "\nUK ", "\nJapan ",
                           "\nFTA partners ", "\nOthers ", "\nAll "}) {
    EXPECT_NE(text.find(name), std::string::npos) << name;
  }
  EXPECT_EQ(TrackerComparisonText(TrackerComparison{}), "");
}

// `ricardo scenario explain` puts the table after the header; JSON has it as
// "tracker_comparison"; explaining one partner leaves it out.
TEST(TrackerCli, ExplainPrintsTheComparison) {
  const std::string file = (ProjectDirectory() / "scenarios/us-tariffs-2025-11.toml").string();
  const testing::CommandResult text = RunCli("scenario explain " + file);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  std::istringstream lines(text.out);
  std::string line;
  int headers = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("US additional tariffs on all goods by partner group", 0) == 0) ++headers;
  }
  EXPECT_EQ(headers, 1) << text.out.substr(0, 2000);

  const testing::CommandResult json = RunCli("scenario explain " + file + " --json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json doc = nlohmann::json::parse(json.out);
  ASSERT_TRUE(doc.contains("tracker_comparison"));
  const nlohmann::json& rows = doc["tracker_comparison"]["rows"];
  ASSERT_EQ(rows.size(), 9u);
  EXPECT_EQ(rows[8]["group"], "all");
  EXPECT_EQ(doc["tracker_comparison"]["date_before"], "2025-10-17");
  EXPECT_EQ(doc["tracker_comparison"]["date_after"], "2025-11-17");

  const testing::CommandResult canada = RunCli("scenario explain " + file + " --origin CAN");
  ASSERT_EQ(canada.exit_code, 0) << canada.err;
  EXPECT_EQ(canada.out.find("US additional tariffs on all goods by partner group"),
            std::string::npos);
  EXPECT_NE(canada.out.find("USA <- CAN"), std::string::npos);
  const testing::CommandResult canada_json =
      RunCli("scenario explain " + file + " --origin CAN --json");
  ASSERT_EQ(canada_json.exit_code, 0) << canada_json.err;
  EXPECT_FALSE(nlohmann::json::parse(canada_json.out).contains("tracker_comparison"));
}

}  // namespace
}  // namespace ricardo
