#include "tariffs/suggest.hpp"

#include <algorithm>

#include "fmt/format.h"

namespace ricardo::detail {

int EditDistance(std::string_view a, std::string_view b) {
  // Three rows: a swap of two neighbours looks back two characters. Counting it as one edit
  // matters for country codes: "CNA" is one swap from "CAN" but two substitutions from "USA".
  std::vector<int> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string> ClosestMatch(std::string_view wanted,
                                        const std::vector<std::string>& candidates) {
  const int limit = std::max(2, static_cast<int>(wanted.size()) / 3);
  std::optional<std::string> best;
  int best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    const int d = EditDistance(wanted, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

std::string DidYouMean(std::string_view wanted, const std::vector<std::string>& candidates,
                       const std::string& fallback) {
  const auto best = ClosestMatch(wanted, candidates);
  return best ? fmt::format("did you mean '{}'?", *best) : fallback;
}

}  // namespace ricardo::detail
