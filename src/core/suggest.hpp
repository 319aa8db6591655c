// "Did you mean ...?" for unknown names (codes, keys, columns, measures, query parameters): the
// one edit distance and the one rule for what counts as a plausible typo, used by every reader
// (data packages, scenario files, the HTTP API, elasticity files).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ricardo::detail {

// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
// neighbouring characters each count one edit ("CNA" is one edit from "CAN", two from "USA").
// Letters are compared without regard to ASCII case, so "usa" is 0 edits from "USA": a wrong
// case is the likeliest typo of all, and the suggestion then shows the right spelling.
std::size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `wanted` if it is a plausible typo: at most max(2, |wanted| / 3)
// edits and fewer edits than `wanted` has characters (so "XY" never suggests an unrelated
// two-letter code). Ties go to the longer common prefix ("rate" is more likely "rates" than
// "date"), then to the earlier candidate.
std::optional<std::string> ClosestMatch(std::string_view wanted,
                                        const std::vector<std::string>& candidates);

// " (did you mean 'x'?)", or "" when nothing is close; for appending to a message.
std::string DidYouMean(std::string_view wanted, const std::vector<std::string>& candidates);

// "did you mean 'x'?", or `fallback` when nothing is close; for a message's "what to do" part.
std::string DidYouMeanOr(std::string_view wanted, const std::vector<std::string>& candidates,
                         const std::string& fallback);

// "a, b, c" (at most `limit` items, then ", ..."): the known names after an unknown one.
std::string JoinList(const std::vector<std::string>& items, std::size_t limit = 12);

}  // namespace ricardo::detail
