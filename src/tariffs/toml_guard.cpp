#include "tariffs/toml_guard.hpp"

#include <vector>

#include "core/nesting_depth.hpp"
#include "core/text_cursor.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo::detail {
namespace {

bool NonAscii(char c) {
  return static_cast<unsigned char>(c) >= 0x80;
}
bool Space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// "U+00A0" for the UTF-8 sequence at the start of `s` (invisible characters such as a
// no-break space pasted from a word processor are the usual culprits), "byte 0xFF" if malformed.
std::string CodePoint(std::string_view s) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(0);
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (length == 1 || s.size() < length) return fmt::format("byte 0x{:02X}", lead);
  unsigned value = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return fmt::format("byte 0x{:02X}", lead);
    value = (value << 6) | (byte(k) & 0x3F);
  }
  return fmt::format("U+{:04X}", value);
}

class Scanner {
 public:
  Scanner(std::string_view text, const std::string& file)
      : text_(text), file_(file), cursor_(text) {}

  void Run() {
    // A UTF-8 byte-order mark at the start is allowed (toml++ skips it).
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") Advance(3);
    // Where a quote opens a string, as toml++ sees it: after =, [, {, a comma, a dot or at the
    // start of a line — but not inside a bare value (a number, date or boolean, or garbage such
    // as `20"5` or `2025-11-["x"]`), which toml++ reads up to the next terminator, testing each
    // character for whitespace on the way. `last` is the last character outside strings and
    // comments, blanks aside (new lines are blanks inside arrays and inline tables).
    char last = '\n';
    std::vector<char> nesting;  // '[' for arrays of values, '{' for inline tables
    bool bare_value = false;
    while (!Done()) {
      const char c = cursor_.Peek();
      if (bare_value && !ValueTerminator(c)) {
        if (NonAscii(c)) FailOutside();
        Advance(1);
        continue;
      }
      // Blanks end a bare value only if a terminator follows them: toml++ reads a date and what
      // follows a space as one date-time (`2026-02-30 2025-11-["x"]`), testing each character.
      if (bare_value && (c == ' ' || c == '\t') && BareValueGoesOn()) {
        Advance(1);
        continue;
      }
      bare_value = false;
      const bool in_array = !nesting.empty() && nesting.back() == '[';
      const bool value_start = last == '=' || (in_array && (last == '[' || last == ','));
      const bool string_may_start =
          value_start || last == '\n' || last == '[' || last == '{' || last == ',' || last == '.';
      if (c == '#') {
        SkipComment();
      } else if ((c == '"' || c == '\'') && string_may_start) {
        if (c == '"') {
          Starts("\"\"\"") ? SkipMultiLineBasic() : SkipBasic();
        } else {
          Starts("\'\'\'") ? SkipMultiLine("\'\'\'") : SkipLiteral();
        }
        last = '"';
      } else if (NonAscii(c)) {
        FailOutside();
      } else {
        if (c == '{' || (c == '[' && value_start)) {
          nesting.push_back(c);  // a '[' anywhere else opens a table header
        } else if ((c == ']' || c == '}') && !nesting.empty()) {
          nesting.pop_back();
        } else if (value_start && !Space(c) && c != '[') {
          bare_value = true;
        }
        const bool blank = c == ' ' || c == '\t' || ((c == '\n' || c == '\r') && !nesting.empty());
        if (!blank) last = c;
        Advance(1);
      }
    }
  }

 private:
  bool Done() const { return cursor_.Done(); }
  bool Starts(std::string_view s) const { return cursor_.Starts(s); }
  void Advance(std::size_t bytes) { cursor_.Advance(bytes); }

  // After blanks at the cursor: is there more on the line that is not a terminator?
  bool BareValueGoesOn() const {
    const std::string_view rest = cursor_.Rest();
    const std::size_t next = rest.find_first_not_of(" \t");
    if (next == std::string_view::npos) return false;
    const char c = rest[next];
    return c != '\n' && c != '\r' && !ValueTerminator(c);
  }

  static bool ValueTerminator(char c) {
    return Space(c) || c == ']' || c == '}' || c == ',' || c == '#';
  }

  [[noreturn]] void FailOutside() const {
    Fail(fmt::format("non-ASCII character {} outside a string or comment",
                     CodePoint(cursor_.Rest())),
         "TOML allows such characters only inside quoted strings and comments");
  }

  [[noreturn]] void Fail(const std::string& what, const std::string& fix) const {
    // The column is that of the next character; the offending one is the character at the cursor.
    const NestingExcess here = cursor_.Here();
    throw ScenarioError(Location{file_, here.line, here.column, ""}, what, fix);
  }

  void SkipComment() {
    while (!Done() && cursor_.Peek() != '\n') Advance(1);
  }

  void SkipBasic() {
    Advance(1);
    while (!Done() && cursor_.Peek() != '"' && cursor_.Peek() != '\n')
      Advance(cursor_.Peek() == '\\' ? 2 : 1);
    if (!Done() && cursor_.Peek() == '"') Advance(1);
  }

  void SkipLiteral() {
    Advance(1);
    while (!Done() && cursor_.Peek() != '\'' && cursor_.Peek() != '\n') Advance(1);
    if (!Done() && cursor_.Peek() == '\'') Advance(1);
  }

  // ''' … ''' (and """ … """ once escapes are dealt with): the closing delimiter may be followed
  // by up to two more quotes, which belong to the string.
  void SkipMultiLine(std::string_view quotes) {
    Advance(3);
    while (!Done() && !Starts(quotes)) Advance(1);
    if (Done()) return;
    Advance(3);
    for (int extra = 0; extra < 2 && !Done() && cursor_.Peek() == quotes[0]; ++extra) Advance(1);
  }

  void SkipMultiLineBasic() {
    Advance(3);
    while (!Done() && !Starts("\"\"\"")) {
      if (cursor_.Peek() != '\\') {
        Advance(1);
        continue;
      }
      Advance(1);
      if (Done()) return;
      if (NonAscii(cursor_.Peek())) {
        Fail(fmt::format("a backslash followed by non-ASCII character {}",
                         CodePoint(cursor_.Rest())),
             "escape it as \\uXXXX, or write \\\\ for a backslash");
      }
      if (!Space(cursor_.Peek())) {
        Advance(1);  // an escape such as \" or \n
        continue;
      }
      // A line-ending backslash: whitespace and new lines up to the next character are skipped.
      while (!Done() && Space(cursor_.Peek())) Advance(1);
      if (!Done() && NonAscii(cursor_.Peek())) {
        Fail(fmt::format("non-ASCII character {} right after a line-ending backslash",
                         CodePoint(cursor_.Rest())),
             "the TOML library ricardo uses cannot read this; end the line without the backslash");
      }
    }
    if (Done()) return;
    Advance(3);
    for (int extra = 0; extra < 2 && !Done() && cursor_.Peek() == '"'; ++extra) Advance(1);
  }

  std::string_view text_;
  const std::string& file_;
  TextCursor cursor_;
};

}  // namespace

void CheckTomlCharacters(std::string_view text, const std::string& file) {
  Scanner(text, file).Run();
}

void CheckTomlDepth(std::string_view text, const std::string& file) {
  if (const auto excess = FindTomlNestingExcess(text)) {
    throw ScenarioError(Location{file, excess->line, excess->column, ""}, NestingProblem(),
                        NestingFix());
  }
}

void GuardToml(std::string_view text, const std::string& file) {
  CheckTomlDepth(text, file);
  CheckTomlCharacters(text, file);
}

toml::table ParseGuardedToml(std::string_view text, const std::string& file) {
  GuardToml(text, file);
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    throw ScenarioError(
        Location{file, static_cast<long>(begin.line), static_cast<long>(begin.column), ""},
        std::string(e.description()));
  }
}

}  // namespace ricardo::detail
