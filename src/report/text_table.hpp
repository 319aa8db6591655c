// A small table model rendered as aligned text, a Markdown pipe table or an HTML table, so the
// terminal, Markdown and HTML reports show the same rows from one definition.
#pragma once

#include <string>
#include <vector>

namespace ricardo::detail {

enum class Align { kLeft, kRight };

struct TextTable {
  std::string title;  // printed above the table ("" = none)
  std::vector<std::string> headers;
  std::vector<Align> align;  // one per column; missing entries are left-aligned
  std::vector<std::vector<std::string>> rows;
  std::string note;  // printed below the table ("" = none)

  void AddRow(std::vector<std::string> row) { rows.push_back(std::move(row)); }
  // Columns padded to their widest cell (counted in UTF-8 characters), two spaces apart.
  std::string ToText() const;
  std::string ToMarkdown() const;
  // <table> with the title as <caption>; cells are HTML-escaped.
  std::string ToHtml() const;
};

// Number of UTF-8 code points in `s` (what a terminal shows for the characters we print).
std::size_t DisplayWidth(const std::string& s);
std::string EscapeHtml(const std::string& s);

// Fixed-point with an explicit sign ("+1.23", "-0.45"); values that round to zero print as
// "0.00" so that a golden file never flips between "-0.00" and "+0.00".
std::string SignedFixed(double value, int decimals);
// Fixed-point without sign handling beyond the minus ("12.3"); "n/a" for a non-finite value.
std::string Fixed(double value, int decimals);

}  // namespace ricardo::detail
