// Reading request bodies: JSON with located syntax errors, and the list of names an unknown one
// is not (the "did you mean" help is core/suggest.hpp, shared with every reader).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nlohmann/json.hpp"

namespace ricardo::server {

// The source name used in locations of everything read from a request body.
inline constexpr const char* kRequestBody = "request body";

// Parses `text` as JSON. Throws HttpError 400 located at the line and column of a syntax error:
//   request body:3:7: invalid JSON: syntax error while parsing object - unexpected '}'; ...
// A body nested deeper than detail::kMaxNestingDepth (64) is refused before parsing, at the
// first bracket beyond the limit: request body:1:65: the document nests deeper than 64 levels
nlohmann::json ParseJsonBody(std::string_view text);

// "a, b, c" (or "none").
std::string JoinNames(const std::vector<std::string>& names);

}  // namespace ricardo::server
