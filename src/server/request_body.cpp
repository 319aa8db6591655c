#include "server/request_body.hpp"

#include <algorithm>

#include "core/nesting_depth.hpp"
#include "fmt/format.h"
#include "server/http_error.hpp"

namespace ricardo::server {
namespace {

// The library's message without its "[json.exception.parse_error.101] parse error at line 1,
// column 2: " prefix, which we replace by our own location.
std::string ParseProblem(const std::string& what) {
  const std::size_t column = what.find("column ");
  if (column != std::string::npos) {
    const std::size_t colon = what.find(": ", column);
    if (colon != std::string::npos) return what.substr(colon + 2);
  }
  const std::size_t bracket = what.find("] ");
  return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

int EditDistance(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

nlohmann::json ParseJsonBody(std::string_view text) {
  if (text.empty()) {
    throw HttpError(400, "invalid request", Location{kRequestBody, 0, 0, ""}, "the body is empty",
                    "send a JSON object such as {\"scenario\": \"NAME\"}, or scenario TOML with "
                    "Content-Type: application/toml");
  }
  // Before the parser, which recurses once per level (issue 11: `[` × 100,000 overflowed the
  // stack and took the server down).
  if (const auto excess = detail::FindJsonNestingExcess(text)) {
    throw HttpError(400, "invalid request", Location{kRequestBody, excess->line, excess->column, ""},
                    detail::NestingProblem(), detail::NestingFix());
  }
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is the 1-based offset of the character where parsing stopped.
    const std::size_t stop = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
    long line = 1, column = 1;
    for (std::size_t k = 0; k < stop; ++k) {
      if (text[k] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    throw HttpError(400, "invalid request", Location{kRequestBody, line, column, ""},
                    "invalid JSON: " + ParseProblem(e.what()));
  }
}

std::string DidYouMean(std::string_view wanted, const std::vector<std::string>& candidates) {
  const int limit = std::max(2, static_cast<int>(wanted.size()) / 3);
  // Ties go to the longer common prefix: "rate" is more likely "rates" than "date".
  auto common_prefix = [&](const std::string& c) {
    std::size_t k = 0;
    while (k < c.size() && k < wanted.size() && c[k] == wanted[k]) ++k;
    return k;
  };
  int best = limit + 1;
  const std::string* match = nullptr;
  for (const std::string& c : candidates) {
    const int d = EditDistance(wanted, c);
    if (d < best || (d == best && match && common_prefix(c) > common_prefix(*match))) {
      best = d;
      match = &c;
    }
  }
  return match ? fmt::format(" (did you mean '{}'?)", *match) : std::string{};
}

std::string JoinNames(const std::vector<std::string>& names) {
  return names.empty() ? std::string("none") : fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace ricardo::server
