#include "data/table_binding.hpp"

#include <charconv>
#include <cmath>

#include "core/suggest.hpp"
#include "fmt/format.h"

namespace ricardo::data_internal {
namespace {

std::string Trim(const std::string& s) {
  std::size_t begin = 0, end = s.size();
  while (begin < end && (s[begin] == ' ' || s[begin] == '\t')) ++begin;
  while (end > begin && (s[end - 1] == ' ' || s[end - 1] == '\t')) --end;
  return s.substr(begin, end - begin);
}

std::string ColumnList(const std::vector<ColumnSpec>& columns) {
  std::vector<std::string> names;
  for (const auto& c : columns) names.push_back(c.required ? c.name : "[" + c.name + "]");
  return detail::JoinList(names, 100);
}

}  // namespace

BoundTable::BoundTable(CsvTable table, const std::vector<ColumnSpec>& columns)
    : table_(std::move(table)) {
  std::vector<std::string> allowed;
  for (const auto& c : columns) allowed.push_back(c.name);
  const std::string expected = fmt::format("the columns are {}", ColumnList(columns));
  for (std::size_t k = 0; k < table_.header.size(); ++k) {
    const std::string name = Trim(table_.header[k]);
    const Location where{table_.file, 1, static_cast<long>(k + 1), ""};
    bool known = false;
    for (const auto& a : allowed) known = known || a == name;
    if (!known) {
      const std::string suggestion = detail::DidYouMean(name, allowed);
      throw DataError(where, fmt::format("unknown column '{}'{}", name, suggestion),
                      suggestion.empty() ? expected : std::string{});
    }
    if (index_.count(name)) {
      throw DataError(where, fmt::format("column '{}' appears twice", name), expected);
    }
    index_[name] = k;
  }
  for (const auto& c : columns) {
    if (c.required && !index_.count(c.name)) {
      throw DataError(Location{table_.file, 1, 0, ""}, fmt::format("missing column '{}'", c.name),
                      expected);
    }
  }
  for (const auto& record : table_.records) {
    if (record.fields.size() != table_.header.size()) {
      throw DataError(
          Location{table_.file, record.line, 0, ""},
          fmt::format("expected {} fields, found {}", table_.header.size(), record.fields.size()),
          "every row needs one value per header column; quote text that contains "
          "commas");
    }
  }
}

long BoundTable::ColumnNumber(const std::string& column) const {
  return static_cast<long>(index_.at(column) + 1);
}

Location BoundTable::At(const CsvRecord& record, const std::string& column) const {
  return Location{table_.file, record.line, Has(column) ? ColumnNumber(column) : 0, ""};
}

std::string BoundTable::Text(const CsvRecord& record, const std::string& column) const {
  return Trim(record.fields[index_.at(column)]);
}

std::optional<double> BoundTable::OptionalNumber(const std::string& text, const CsvRecord& record,
                                                 const std::string& column) const {
  if (text.empty()) return std::nullopt;
  double value = 0.0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (*first == '+') ++first;
  const auto [ptr, ec] = std::from_chars(first, last, value);
  if (ec == std::errc::result_out_of_range ||
      (ec == std::errc() && ptr == last && !std::isfinite(value))) {
    throw DataError(At(record, column),
                    fmt::format("value '{}' in column '{}' is not finite", text, column),
                    "replace it with a finite number");
  }
  if (ec != std::errc() || ptr != last) {
    throw DataError(At(record, column),
                    fmt::format("value '{}' in column '{}' is not a number", text, column),
                    "expected a decimal number such as 1234.5 or 1.2e+09");
  }
  return value;
}

double BoundTable::Number(const CsvRecord& record, const std::string& column) const {
  const std::string text = Text(record, column);
  const auto value = OptionalNumber(text, record, column);
  if (!value) {
    throw DataError(At(record, column), fmt::format("empty value in column '{}'", column),
                    "write a number (0 if there is nothing)");
  }
  return *value;
}

std::size_t BoundTable::Code(const CsvRecord& record, const std::string& column,
                             const std::unordered_map<std::string, std::size_t>& codes,
                             const std::vector<std::string>& ordered_codes, const char* what,
                             const char* listed_in) const {
  const std::string code = Text(record, column);
  const auto it = codes.find(code);
  if (it != codes.end()) return it->second;
  const std::string suggestion = detail::DidYouMean(code, ordered_codes);
  throw DataError(
      At(record, column), fmt::format("unknown {} '{}'{}", what, code, suggestion),
      suggestion.empty() ? fmt::format("{}s are listed in {}", what, listed_in) : std::string{});
}

}  // namespace ricardo::data_internal
