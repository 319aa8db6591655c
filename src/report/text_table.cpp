#include "report/text_table.hpp"

#include <algorithm>
#include <cmath>

#include "fmt/format.h"

namespace ricardo::detail {
namespace {

Align AlignOf(const TextTable& t, std::size_t column) {
  return column < t.align.size() ? t.align[column] : Align::kLeft;
}

std::string Pad(const std::string& s, std::size_t width, Align align) {
  const std::size_t w = DisplayWidth(s);
  const std::string fill(width > w ? width - w : 0, ' ');
  return align == Align::kRight ? fill + s : s + fill;
}

std::string EscapeMarkdown(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::size_t DisplayWidth(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;  // count lead bytes only
  }
  return n;
}

std::string EscapeHtml(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string SignedFixed(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  std::string s = fmt::format("{:+.{}f}", value, decimals);
  if (s.find_first_not_of("+-0.") == std::string::npos) s = s.substr(1);
  return s;
}

std::string Fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  std::string s = fmt::format("{:.{}f}", value, decimals);
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s = s.substr(1);
  return s;
}

std::string TextTable::ToText() const {
  std::vector<std::size_t> width(headers.size(), 0);
  for (std::size_t c = 0; c < headers.size(); ++c) width[c] = DisplayWidth(headers[c]);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c)
      width[c] = std::max(width[c], DisplayWidth(row[c]));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t c = 0; c < width.size(); ++c) {
      if (c > 0) out += "  ";
      out += Pad(c < cells.size() ? cells[c] : "", width[c], AlignOf(*this, c));
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out;
  if (!title.empty()) out += title + "\n";
  out += line(headers);
  for (const auto& row : rows) out += line(row);
  if (!note.empty()) out += note + "\n";
  return out;
}

std::string TextTable::ToMarkdown() const {
  std::string out;
  if (!title.empty()) out += "**" + title + "**\n\n";
  out += "|";
  for (const auto& h : headers) out += " " + EscapeMarkdown(h) + " |";
  out += "\n|";
  for (std::size_t c = 0; c < headers.size(); ++c)
    out += AlignOf(*this, c) == Align::kRight ? " ---: |" : " :--- |";
  out += "\n";
  for (const auto& row : rows) {
    out += "|";
    for (std::size_t c = 0; c < headers.size(); ++c)
      out += " " + EscapeMarkdown(c < row.size() ? row[c] : "") + " |";
    out += "\n";
  }
  if (!note.empty()) out += "\n" + note + "\n";
  return out;
}

std::string TextTable::ToHtml() const {
  std::string out = "<table>\n";
  if (!title.empty()) out += "<caption>" + EscapeHtml(title) + "</caption>\n";
  out += "<thead><tr>";
  for (std::size_t c = 0; c < headers.size(); ++c) {
    out += AlignOf(*this, c) == Align::kRight ? "<th class=\"num\">" : "<th>";
    out += EscapeHtml(headers[c]) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (std::size_t c = 0; c < headers.size(); ++c) {
      out += AlignOf(*this, c) == Align::kRight ? "<td class=\"num\">" : "<td>";
      out += EscapeHtml(c < row.size() ? row[c] : "") + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  if (!note.empty()) out += "<p class=\"note\">" + EscapeHtml(note) + "</p>\n";
  return out;
}

}  // namespace ricardo::detail
