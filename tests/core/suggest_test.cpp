// The one "did you mean" (src/core/suggest.hpp) every reader uses: the edit distance, what counts
// as a plausible typo, how ties are broken, and the two forms of the message.
#include "core/suggest.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ricardo {
namespace {

TEST(EditDistance, CountsEachInsertionDeletionSubstitutionAndNeighbourSwapAsOne) {
  EXPECT_EQ(detail::EditDistance("metals", "metals"), 0u);
  EXPECT_EQ(detail::EditDistance("metal", "metals"), 1u);    // insertion
  EXPECT_EQ(detail::EditDistance("metalss", "metals"), 1u);  // deletion
  EXPECT_EQ(detail::EditDistance("metels", "metals"), 1u);   // substitution
  EXPECT_EQ(detail::EditDistance("CNA", "CAN"), 1u);         // swap of neighbours
  EXPECT_EQ(detail::EditDistance("CNA", "USA"), 2u);
  EXPECT_EQ(detail::EditDistance("kitten", "sitting"), 3u);
}

TEST(EditDistance, EmptyStringsAreTheOtherOnesLengthApart) {
  EXPECT_EQ(detail::EditDistance("", ""), 0u);
  EXPECT_EQ(detail::EditDistance("", "abc"), 3u);
  EXPECT_EQ(detail::EditDistance("abc", ""), 3u);
}

TEST(EditDistance, IgnoresAsciiCaseAndIsSymmetric) {
  EXPECT_EQ(detail::EditDistance("usa", "USA"), 0u);
  EXPECT_EQ(detail::EditDistance("Cna", "CAN"), 1u);
  EXPECT_EQ(detail::EditDistance("services", "servces"),
            detail::EditDistance("servces", "services"));
}

TEST(ClosestMatch, SuggestsWithinMaxOfTwoAndAThirdOfTheWord) {
  const std::vector<std::string> sectors = {"agriculture", "metals", "services"};
  EXPECT_EQ(detail::ClosestMatch("metal", sectors), "metals");
  EXPECT_EQ(detail::ClosestMatch("servces", sectors), "services");
  EXPECT_EQ(detail::ClosestMatch("agrculturr", sectors), "agriculture");  // 2 edits, 10 letters
  EXPECT_EQ(detail::ClosestMatch("mtls", sectors), "metals");             // 2 edits: the floor of 2
  EXPECT_EQ(detail::ClosestMatch("mtl", sectors), std::nullopt);          // 3 edits
  EXPECT_EQ(detail::ClosestMatch("textiles", sectors), std::nullopt);
  // 12 letters allow 4 edits.
  EXPECT_EQ(detail::ClosestMatch("agricultrexy", sectors), "agriculture");  // 3 edits
}

TEST(ClosestMatch, NeverReplacesEveryLetterOfAShortWord) {
  // Two substitutions are within the allowance of 2, but nothing of "XY" is left in "US".
  EXPECT_EQ(detail::ClosestMatch("XY", {"US", "CA"}), std::nullopt);
  EXPECT_EQ(detail::ClosestMatch("UX", {"US", "CA"}), "US");
}

TEST(ClosestMatch, EmptyWordOrNoCandidatesSuggestNothing) {
  EXPECT_EQ(detail::ClosestMatch("", {"a", ""}), std::nullopt);
  EXPECT_EQ(detail::ClosestMatch("metals", {}), std::nullopt);
}

TEST(ClosestMatch, TiesGoToTheLongerCommonPrefixThenToTheEarlierCandidate) {
  // "rate" is one edit from both; "rates" shares the whole word as a prefix.
  EXPECT_EQ(detail::ClosestMatch("rate", {"date", "rates"}), "rates");
  EXPECT_EQ(detail::ClosestMatch("rate", {"rates", "date"}), "rates");
  // Same distance, same prefix: the first in the caller's order.
  EXPECT_EQ(detail::ClosestMatch("cat", {"cab", "car"}), "cab");
  EXPECT_EQ(detail::ClosestMatch("cat", {"car", "cab"}), "car");
  // A closer candidate wins whatever its prefix.
  EXPECT_EQ(detail::ClosestMatch("CNA", {"CHN", "CAN"}), "CAN");
}

TEST(ClosestMatch, ShowsTheCandidateAsSpelledWhenOnlyTheCaseDiffers) {
  EXPECT_EQ(detail::ClosestMatch("can", {"USA", "CAN", "MEX"}), "CAN");
}

TEST(DidYouMean, FormsTheParentheticalOrNothing) {
  const std::vector<std::string> names = {"world", "north-america"};
  EXPECT_EQ(detail::DidYouMean("wrold", names), " (did you mean 'world'?)");
  EXPECT_EQ(detail::DidYouMean("galaxy", names), "");
}

TEST(DidYouMean, FormsTheAdviceOrTheFallback) {
  const std::vector<std::string> forms = {"additional", "all-in-floor"};
  EXPECT_EQ(detail::DidYouMeanOr("aditional", forms, "use additional or all-in-floor"),
            "did you mean 'additional'?");
  EXPECT_EQ(detail::DidYouMeanOr("floor", forms, "use additional or all-in-floor"),
            "use additional or all-in-floor");
}

TEST(JoinList, JoinsAtMostTheLimitThenEllipsis) {
  EXPECT_EQ(detail::JoinList({}), "");
  EXPECT_EQ(detail::JoinList({"a", "b", "c"}), "a, b, c");
  EXPECT_EQ(detail::JoinList({"a", "b", "c"}, 2), "a, b, ...");
}

}  // namespace
}  // namespace ricardo
