// The nesting depth of documents read from outside (JSON request bodies, scenario TOML,
// manifest.toml), bounded before the parser sees them.
//
// nlohmann::json and toml++ recurse once per level: a 200 KB body of `[` × 100,000 overflowed
// the stack of `ricardo serve`, and a TOML key or table header with 100,000 dotted parts
// (`a.a.a…`) crashed `ricardo scenario check` (toml++ bounds arrays and inline tables at 256,
// but not keys). These scanners walk the text once, without recursion, skipping strings and
// comments, and report the first token that goes deeper than the limit, so the parsers only ever
// see shallow documents.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ricardo::detail {

// The deepest nesting any document may have. Real scenarios and requests nest fewer than 10
// levels (the deepest shipped value, `hs = […]` in a measure's `scope = {…}` under
// `[[measures]]`, is at 4); 64 leaves room for any hand-written structure while keeping the
// parsers' recursion to a few tens of kilobytes of stack, even on a server thread.
inline constexpr int kMaxNestingDepth = 64;

// Where a document first goes deeper than the limit: the 1-based line and column (in
// characters) of the first token beyond it.
struct NestingExcess {
  long line = 0;
  long column = 0;
};

// JSON: every `[` and `{` opens a level ("[[1]]" has depth 2). Brackets inside strings do not
// count. Malformed text is scanned as far as it goes; the JSON parser reports its errors.
std::optional<NestingExcess> FindJsonNestingExcess(std::string_view text,
                                                   int max_depth = kMaxNestingDepth);

// TOML: the depth of a value is that of its table plus one per part of its key (`a.b.c = 1`
// puts the 1 at depth 3; a table header `[x.y]` puts its keys below depth 2, `[[x.y]]` below 3),
// and every array `[` and inline table `{` opens one more level. Strings of all four kinds and
// comments do not count.
std::optional<NestingExcess> FindTomlNestingExcess(std::string_view text,
                                                   int max_depth = kMaxNestingDepth);

// The problem and the fix for an error located at a NestingExcess, the same for every format.
std::string NestingProblem(int max_depth = kMaxNestingDepth);
std::string NestingFix();

}  // namespace ricardo::detail
