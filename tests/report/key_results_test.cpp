// The report's key results (issue 12 item 8): three sentences and five numbers generated from
// the run; numbers not computed (NaN, or welfare in money left at 0) read "n/a", never a false 0.
#include "report/key_results.hpp"

#include <cmath>
#include <limits>

#include "fmt/format.h"
#include "gtest/gtest.h"
#include "report_fixture.hpp"

namespace ricardo::testing {
namespace {

TEST(KeyResults, ThreeSentencesAndFiveNumbersFromTheRun) {
  RunResult run = SmallRun(/*retaliation=*/true);
  CountryOutcome& usa = run.outcomes.countries[0];
  ASSERT_EQ(usa.code, "USA");
  usa.goods_duties.added_at_base_weights = 0.1234;
  usa.goods_duties.added_after_shifts = 0.1111;
  usa.welfare_money = usa.welfare_exact * usa.income_base;
  const detail::KeyResults k = detail::BuildKeyResults(run);
  ASSERT_EQ(k.sentences.size(), 3u);
  ASSERT_EQ(k.numbers.size(), 5u);
  EXPECT_EQ(k.numbers[0].value, fmt::format("{:+.2f}%", 100.0 * usa.welfare_exact));
  EXPECT_EQ(k.numbers[2].value, "12.3%");
  EXPECT_NE(k.sentences[1].find("12.3% at base-year import weights (11.1% after trade shifts)"),
            std::string::npos)
      << k.sentences[1];
  EXPECT_EQ(k.numbers[4].label, "Canada / Mexico welfare change (exact), %");
  EXPECT_NE(k.sentences[2].find("Canada's real income changes by"), std::string::npos)
      << k.sentences[2];
  EXPECT_NE(k.sentences[0].find("the United States"), std::string::npos) << k.sentences[0];
  for (const auto& n : k.numbers) EXPECT_NE(n.value, "n/a") << n.label;
}

TEST(KeyResults, NumbersNotComputedReadNotAvailable) {
  RunResult run = SmallRun(/*retaliation=*/false);
  CountryOutcome& usa = run.outcomes.countries[0];
  usa.goods_duties.added_at_base_weights = std::numeric_limits<double>::quiet_NaN();
  usa.welfare_money = 0.0;  // left unset although welfare moved
  ASSERT_NE(usa.welfare_exact, 0.0);
  const detail::KeyResults k = detail::BuildKeyResults(run);
  EXPECT_EQ(k.numbers[1].value, "n/a");
  EXPECT_EQ(k.numbers[2].value, "n/a");
  EXPECT_NE(k.sentences[0].find("in money: n/a"), std::string::npos) << k.sentences[0];
}

}  // namespace
}  // namespace ricardo::testing
