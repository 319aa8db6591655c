// The three files of one WIOD year, parsed: labelled numeric matrices.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ricardo::data_internal {

struct LabelledMatrix {
  std::string file;
  std::vector<std::string> row_labels;     // e.g. "USA_c12"
  std::vector<std::string> column_labels;  // e.g. "CAN_c3" or "CAN_c37_hh"
  std::vector<double> values;              // row-major
  double operator()(std::size_t r, std::size_t c) const {
    return values[r * column_labels.size() + c];
  }
};

// A CSV whose header is "", label, label, ... and whose rows are "label", number, number, ...
// Throws DataError (file:line:column) for a ragged row or a cell that is not a number.
LabelledMatrix ParseLabelledMatrix(const std::string& text, const std::string& file);

struct WiodYear {
  LabelledMatrix intermediate;  // supplier country-industry × using country-industry
  LabelledMatrix final_use;     // supplier country-industry × (destination, category)
  LabelledMatrix output;        // supplier country-industry × 1 (gross output)
};

WiodYear ReadWiodYear(const std::filesystem::path& directory, int year);

}  // namespace ricardo::data_internal
