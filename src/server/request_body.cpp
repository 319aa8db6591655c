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
    throw HttpError(400, "invalid request",
                    Location{kRequestBody, excess->line, excess->column, ""},
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
  } catch (const nlohmann::json::exception& e) {
    // A number beyond a double's range ("1e999": out_of_range.406) is found after the parse
    // error handling above; the library names the token, which locates it in the body.
    const std::string problem = ParseProblem(e.what());
    long line = 0, column = 0;
    const std::size_t open = problem.find('\''), close = problem.rfind('\'');
    if (open != std::string::npos && close > open + 1) {
      const std::size_t at = text.find(problem.substr(open + 1, close - open - 1));
      if (at != std::string_view::npos) {
        line = 1 + static_cast<long>(std::count(text.begin(), text.begin() + at, '\n'));
        const std::size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
        column = static_cast<long>(
                     at - (line_start == std::string_view::npos || at == 0 ? 0 : line_start + 1)) +
                 1;
      }
    }
    throw HttpError(400, "invalid request", Location{kRequestBody, line, column, ""},
                    "invalid JSON: " + problem,
                    "write numbers within a double's range (about ±1.8e308)");
  }
}

std::string JoinNames(const std::vector<std::string>& names) {
  return names.empty() ? std::string("none") : fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace ricardo::server
