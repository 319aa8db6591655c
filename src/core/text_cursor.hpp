// A position in a text being scanned, with its line and column (in characters).
#pragma once

#include <cstddef>
#include <string_view>

#include "core/nesting_depth.hpp"

namespace ricardo::detail {

class TextCursor {
 public:
  explicit TextCursor(std::string_view text) : text_(text) {}

  bool Done() const { return at_ >= text_.size(); }
  char Peek() const { return text_[at_]; }
  bool Starts(std::string_view s) const { return text_.substr(at_, s.size()) == s; }
  std::string_view Rest() const { return text_.substr(at_); }
  NestingExcess Here() const { return NestingExcess{line_, column_}; }

  void Advance(std::size_t bytes = 1) {
    for (std::size_t k = 0; k < bytes && !Done(); ++k, ++at_) {
      const char c = text_[at_];
      if (c == '\n') {
        ++line_;
        column_ = 1;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++column_;  // count characters, not UTF-8 continuation bytes
      }
    }
  }

  // Past a string whose opening `quote` is at the cursor, up to and including its closing quote
  // or up to the end of the line, whichever comes first (a backslash escapes one character).
  void SkipQuoted(char quote, bool escapes) {
    Advance();
    while (!Done() && Peek() != quote && Peek() != '\n') Advance(escapes && Peek() == '\\' ? 2 : 1);
    if (!Done() && Peek() == quote) Advance();
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
  long line_ = 1;
  long column_ = 1;
};

}  // namespace ricardo::detail
