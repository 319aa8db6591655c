// FindTomlNestingExcess: a single pass over TOML that knows just enough of its grammar to tell
// keys, table headers and values apart, and strings and comments from everything else.
#include <vector>

#include "core/nesting_depth.hpp"
#include "core/text_cursor.hpp"

namespace ricardo::detail {
namespace {

class TomlDepthScanner {
 public:
  TomlDepthScanner(std::string_view text, int max_depth) : at_(text), max_depth_(max_depth) {}

  std::optional<NestingExcess> Run() {
    if (at_.Starts("\xEF\xBB\xBF")) at_.Advance(3);  // a UTF-8 byte-order mark
    while (!at_.Done() && !excess_) {
      const char c = at_.Peek();
      if (c == ' ' || c == '\t' || c == '\r') {
        at_.Advance();
      } else if (c == '\n') {
        if (open_.empty()) expect_ = Expect::kKey;  // arrays may span lines
        at_.Advance();
      } else if (c == '#') {
        while (!at_.Done() && at_.Peek() != '\n') at_.Advance();
      } else if (expect_ == Expect::kKey) {
        KeyOrHeader(c);
      } else if (expect_ == Expect::kValue) {
        Value(c);
      } else {
        AfterValue(c);
      }
    }
    return excess_;
  }

 private:
  enum class Expect { kKey, kValue, kAfterValue };
  struct Open {
    char bracket;  // '[' for an array, '{' for an inline table
    int depth;     // its own depth
  };

  void KeyOrHeader(char c) {
    if (c == '[' && open_.empty()) {
      Header();
    } else if (c == '}' && !open_.empty()) {
      Close();  // {} or a trailing comma, which the parser judges
    } else {
      const int base = open_.empty() ? header_depth_ : open_.back().depth;
      const int parts = Key(base);
      if (excess_) return;
      SkipBlanks();
      if (!at_.Done() && at_.Peek() == '=') {
        at_.Advance();
        expect_ = Expect::kValue;
        value_depth_ = base + parts;
      } else if (parts == 0) {
        at_.Advance();  // not a key: the parser will say what is wrong; move on
      }
    }
  }

  // [a.b] puts its keys below depth 2; [[a.b]] one deeper (the array's element table).
  void Header() {
    const bool array_of_tables = at_.Starts("[[");
    at_.Advance(array_of_tables ? 2 : 1);
    const int parts = Key(0);
    if (excess_) return;
    SkipBlanks();
    header_depth_ = parts + (array_of_tables ? 1 : 0);
    if (header_depth_ > max_depth_) excess_ = at_.Here();
    for (int k = 0; k < 2 && !at_.Done() && at_.Peek() == ']'; ++k) at_.Advance();
  }

  // Reads a dotted key whose first part sits at depth base + 1 and returns its number of parts,
  // or sets excess_ at the first part deeper than the limit.
  int Key(int base) {
    int parts = 0;
    while (true) {
      SkipBlanks();
      if (at_.Done()) return parts;
      const NestingExcess start = at_.Here();
      const char c = at_.Peek();
      if (c == '"') {
        at_.SkipQuoted('"', true);
      } else if (c == '\'') {
        at_.SkipQuoted('\'', false);
      } else if (BareKeyCharacter(c)) {
        while (!at_.Done() && BareKeyCharacter(at_.Peek())) at_.Advance();
      } else {
        return parts;
      }
      if (base + ++parts > max_depth_) {
        excess_ = start;
        return parts;
      }
      SkipBlanks();
      if (at_.Done() || at_.Peek() != '.') return parts;
      at_.Advance();
    }
  }

  void Value(char c) {
    if (c == '[' || c == '{') {
      if (value_depth_ > max_depth_) {
        excess_ = at_.Here();
        return;
      }
      open_.push_back(Open{c, value_depth_});
      at_.Advance();
      expect_ = c == '[' ? Expect::kValue : Expect::kKey;
      value_depth_ = open_.back().depth + 1;
    } else if (c == ']' || c == '}' || c == ',') {
      expect_ = Expect::kAfterValue;  // [] or a misplaced comma: AfterValue deals with it
    } else if (c == '"' || c == '\'') {
      String(c);
      expect_ = Expect::kAfterValue;
    } else {
      // A number, date, boolean or garbage such as 20"5, which toml++ reads up to a terminator.
      while (!at_.Done() && !ValueTerminator(at_.Peek())) at_.Advance();
      expect_ = Expect::kAfterValue;
    }
  }

  void AfterValue(char c) {
    if (c == ']' || c == '}') {
      Close();
      return;
    }
    at_.Advance();
    if (c != ',' || open_.empty()) return;  // anything else is an error for the parser
    if (open_.back().bracket == '[') {
      expect_ = Expect::kValue;
      value_depth_ = open_.back().depth + 1;
    } else {
      expect_ = Expect::kKey;
    }
  }

  void Close() {
    at_.Advance();
    if (!open_.empty()) open_.pop_back();
    expect_ = Expect::kAfterValue;
  }

  // All four kinds: "basic", 'literal', """multi-line basic""" and '''multi-line literal'''.
  void String(char quote) {
    const std::string_view triple = quote == '"' ? "\"\"\"" : "'''";
    if (!at_.Starts(triple)) {
      at_.SkipQuoted(quote, quote == '"');
      return;
    }
    at_.Advance(3);
    while (!at_.Done() && !at_.Starts(triple))
      at_.Advance(quote == '"' && at_.Peek() == '\\' ? 2 : 1);
    at_.Advance(3);
    // Up to two more quotes right after the closing delimiter belong to the string.
    for (int k = 0; k < 2 && !at_.Done() && at_.Peek() == quote; ++k) at_.Advance();
  }

  void SkipBlanks() {
    while (!at_.Done() && (at_.Peek() == ' ' || at_.Peek() == '\t')) at_.Advance();
  }

  static bool BareKeyCharacter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  }

  static bool ValueTerminator(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ']' || c == '}' ||
           c == '#';
  }

  TextCursor at_;
  int max_depth_;
  std::optional<NestingExcess> excess_;
  Expect expect_ = Expect::kKey;
  int header_depth_ = 0;  // of the table the last header opened; 0 for the root
  int value_depth_ = 0;   // the depth the next value takes
  std::vector<Open> open_;
};

}  // namespace

std::optional<NestingExcess> FindTomlNestingExcess(std::string_view text, int max_depth) {
  return TomlDepthScanner(text, max_depth).Run();
}

}  // namespace ricardo::detail
