#include "core/suggest.hpp"

#include <algorithm>
#include <cctype>

#include "fmt/format.h"

namespace ricardo::detail {
namespace {

bool Same(char x, char y) {
  return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
}

std::size_t CommonPrefix(std::string_view a, std::string_view b) {
  std::size_t k = 0;
  while (k < a.size() && k < b.size() && Same(a[k], b[k])) ++k;
  return k;
}

}  // namespace

std::size_t EditDistance(std::string_view a, std::string_view b) {
  // Three rows: a swap of two neighbours looks back two characters.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitute = previous[j - 1] + (Same(a[i - 1], b[j - 1]) ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute});
      if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1])) {
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
  if (wanted.empty()) return std::nullopt;
  const std::size_t allowed =
      std::min(std::max<std::size_t>(2, wanted.size() / 3), wanted.size() - 1);
  const std::string* best = nullptr;
  std::size_t best_distance = 0;
  for (const std::string& candidate : candidates) {
    const std::size_t d = EditDistance(wanted, candidate);
    if (d > allowed) continue;
    if (!best || d < best_distance ||
        (d == best_distance && CommonPrefix(wanted, candidate) > CommonPrefix(wanted, *best))) {
      best = &candidate;
      best_distance = d;
    }
  }
  if (!best) return std::nullopt;
  return *best;
}

std::string DidYouMean(std::string_view wanted, const std::vector<std::string>& candidates) {
  const auto best = ClosestMatch(wanted, candidates);
  return best ? fmt::format(" (did you mean '{}'?)", *best) : std::string{};
}

std::string DidYouMeanOr(std::string_view wanted, const std::vector<std::string>& candidates,
                         const std::string& fallback) {
  const auto best = ClosestMatch(wanted, candidates);
  return best ? fmt::format("did you mean '{}'?", *best) : fallback;
}

std::string JoinList(const std::vector<std::string>& items, std::size_t limit) {
  std::string out;
  for (std::size_t k = 0; k < items.size() && k < limit; ++k) {
    if (k > 0) out += ", ";
    out += items[k];
  }
  if (items.size() > limit) out += ", ...";
  return out;
}

}  // namespace ricardo::detail
