// "Did you mean …?" for unknown names: the closest candidate by edit distance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ricardo::detail {

// Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring
// characters as one edit each (optimal string alignment), case-sensitive.
int EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `wanted`, if it is close enough to be a plausible typo: at most
// max(2, |wanted| / 3) edits, and strictly closer than any other candidate at that distance
// is not required (ties go to the first candidate in order).
std::optional<std::string> ClosestMatch(std::string_view wanted,
                                        const std::vector<std::string>& candidates);

// "did you mean 'x'?" or "" if nothing is close; `fallback` is returned when nothing is close.
std::string DidYouMean(std::string_view wanted, const std::vector<std::string>& candidates,
                       const std::string& fallback = {});

}  // namespace ricardo::detail
