// "Did you mean ...?" for unknown codes, keys and column names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ricardo::data_internal {

// The candidate closest to `word` (case-insensitive edit distance), if it is close enough to be
// a plausible typo; otherwise "".
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "" when nothing is close; for appending to a message.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

// "a, b, c" (at most `limit` items, then ", ...").
std::string JoinList(const std::vector<std::string>& items, std::size_t limit = 12);

}  // namespace ricardo::data_internal
