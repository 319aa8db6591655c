// Household counts (data/households): the shipped file reads with a count for every region it
// names and none invented for ROW; a count is used only within ±5 years of the baseline's year
// (so CP2015's 1993 base year gets none, and says why); malformed files fail where they are bad.
#include "ricardo/households.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "ricardo/error.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

using testing::MakeTempDirectory;

TEST(Households, TheShippedCountsAreOfficialFiguresWithTheirYears) {
  const std::vector<HouseholdCount>& counts = ShippedHouseholdCounts();
  ASSERT_GE(counts.size(), 9u);
  for (const HouseholdCount& c : counts) {
    EXPECT_GT(c.households, 1e6) << c.region;
    EXPECT_FALSE(c.source.empty()) << c.region;
    EXPECT_FALSE(c.table.empty()) << c.region;
    EXPECT_EQ(c.url.rfind("http", 0), 0u) << c.region;
    EXPECT_NE(c.region, "ROW");  // no office counts the rest of the world
  }
  std::string why;
  const auto usa = FindHouseholdCount(counts, "USA", 2024, &why);
  ASSERT_TRUE(usa.has_value()) << why;
  EXPECT_EQ(usa->households, 132737146.0);  // ACS 2024 1-year, DP02
  EXPECT_EQ(usa->year, 2024);
}

TEST(Households, CountsAreUsedOnlyNearTheBaselinesYear) {
  const std::vector<HouseholdCount> counts = {{"USA", 132737146.0, 2024, "s", "t", "https://x"}};
  std::string why;
  EXPECT_TRUE(FindHouseholdCount(counts, "USA", 2019, &why).has_value());
  EXPECT_TRUE(FindHouseholdCount(counts, "USA", 2029, &why).has_value());
  EXPECT_FALSE(FindHouseholdCount(counts, "USA", 2018, &why).has_value());
  EXPECT_FALSE(FindHouseholdCount(counts, "USA", 2030, &why).has_value());
  EXPECT_FALSE(FindHouseholdCount(counts, "USA", 1993, &why).has_value());
  EXPECT_EQ(why, "USA's count is of 2024, the baseline of 1993: more than 5 years apart");
  EXPECT_FALSE(FindHouseholdCount(counts, "ROW", 2024, &why).has_value());
  EXPECT_EQ(why, "no official household count of ROW is shipped");
}

TEST(Households, MalformedFilesFailWhereTheyAreBad) {
  const auto dir = MakeTempDirectory("households");
  const auto write = [&](const std::string& text) {
    std::ofstream(dir / "households.csv") << text;
    return dir / "households.csv";
  };
  const std::string header = "region,households,year,source,table,url\n";
  try {
    LoadHouseholdCounts(write(header + "USA,many,2024,s,t,u\n"));
    FAIL() << "a count that is not a number was read";
  } catch (const DataError& e) {
    EXPECT_EQ(e.where().line, 2);
    EXPECT_EQ(e.where().field, "households");
  }
  EXPECT_THROW(LoadHouseholdCounts(write(header + "USA,1,2024,s,t,u\nUSA,2,2024,s,t,u\n")),
               DataError);
  EXPECT_THROW(LoadHouseholdCounts(write("region,count\nUSA,1\n")), DataError);
  EXPECT_THROW(LoadHouseholdCounts(write(header + "USA,1,24,s,t,u\n")), DataError);
}

}  // namespace
}  // namespace ricardo
