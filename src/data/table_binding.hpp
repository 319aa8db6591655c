// A CSV table bound to the columns a package file allows: checks the header once, then gives
// typed, located access to cells ("file:line:column: value 'x' in column 'value' is not a number").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "data/csv.hpp"
#include "ricardo/error.hpp"

namespace ricardo::data_internal {

struct ColumnSpec {
  std::string name;
  bool required = true;
};

class BoundTable {
 public:
  // Throws DataError for an unknown, duplicate or missing column, or a record whose number of
  // fields differs from the header's.
  BoundTable(CsvTable table, const std::vector<ColumnSpec>& columns);

  const std::string& file() const { return table_.file; }
  const std::vector<CsvRecord>& records() const { return table_.records; }
  bool Has(const std::string& column) const { return index_.count(column) > 0; }
  // 1-based column number of a column present in the header.
  long ColumnNumber(const std::string& column) const;
  Location At(const CsvRecord& record, const std::string& column) const;

  // The cell's text, surrounding blanks removed.
  std::string Text(const CsvRecord& record, const std::string& column) const;
  // A finite number; throws DataError for an empty cell, text that is not a number, or a
  // non-finite value.
  double Number(const CsvRecord& record, const std::string& column) const;
  // Like Number, but an empty cell gives nullopt.
  std::optional<double> OptionalNumber(const std::string& text, const CsvRecord& record,
                                       const std::string& column) const;
  // A code listed in `codes` (code -> index); throws DataError naming `what` with a suggestion.
  std::size_t Code(const CsvRecord& record, const std::string& column,
                   const std::unordered_map<std::string, std::size_t>& codes,
                   const std::vector<std::string>& ordered_codes, const char* what,
                   const char* listed_in) const;

 private:
  CsvTable table_;
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace ricardo::data_internal
