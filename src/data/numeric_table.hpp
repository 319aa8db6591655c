// Reading rectangular tables of numbers (the authors' .txt files, headerless CSVs) with errors
// that name the file, row and column.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ricardo::detail {

struct NumericTable {
  std::string file;  // file name used in messages
  std::size_t rows = 0;
  std::size_t cols = 0;
  std::vector<double> values;  // row-major
  double operator()(std::size_t r, std::size_t c) const { return values[r * cols + c]; }
};

struct NumericTableSpec {
  char delimiter = '\t';            // '\t', ',' or ' ' (any run of blanks)
  std::optional<std::size_t> rows;  // expected shape, if known
  std::optional<std::size_t> cols;
  bool allow_negative = true;
};

// Throws DataError ("file:row:col: ...") on a missing file, a wrong shape, a token that is not
// a finite number, or (if !allow_negative) a negative value. Blank lines at the end are ignored;
// CRLF line ends are accepted.
NumericTable ReadNumericTable(const std::filesystem::path& path, const NumericTableSpec& spec);

// The same, from text already in memory (`file` is used in messages).
NumericTable ParseNumericTable(const std::string& text, const std::string& file,
                               const NumericTableSpec& spec);

}  // namespace ricardo::detail
