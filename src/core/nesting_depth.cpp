#include "core/nesting_depth.hpp"

#include "core/text_cursor.hpp"
#include "fmt/format.h"

namespace ricardo::detail {
namespace {

// Past a JSON string: unlike TOML's, it may run over a raw new line (the parser refuses that).
void SkipJsonString(TextCursor& at) {
  at.Advance();
  while (!at.Done() && at.Peek() != '"') at.Advance(at.Peek() == '\\' ? 2 : 1);
  if (!at.Done()) at.Advance();
}

}  // namespace

std::optional<NestingExcess> FindJsonNestingExcess(std::string_view text, int max_depth) {
  TextCursor at(text);
  int depth = 0;
  while (!at.Done()) {
    const char c = at.Peek();
    if (c == '"') {
      SkipJsonString(at);
      continue;
    }
    if (c == '[' || c == '{') {
      if (++depth > max_depth) return at.Here();
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
    at.Advance();
  }
  return std::nullopt;
}

std::string NestingProblem(int max_depth) {
  return fmt::format("the document nests deeper than the limit of {} levels", max_depth);
}

std::string NestingFix() {
  return "flatten it; real scenarios nest arrays, tables and objects fewer than 10 levels deep";
}

}  // namespace ricardo::detail
