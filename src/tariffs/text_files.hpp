// The checks every loader of the product data makes (header, digits, numbers), each failing with
// a located DataError. The files are read with data/gzip_text.hpp (ForEachLine) and their lines
// split with data/csv.hpp (SplitCsv), the readers the baseline packages use too.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace ricardo::detail {

// True for a non-empty string of ASCII digits.
bool AllDigits(std::string_view s);

// The number in `text`, or a DataError at file:line:column ("value 'x' is not a number").
double ParseNumber(std::string_view text, const std::filesystem::path& file, long line,
                   long column);

// DataError at file:1:1 unless `line` is `expected` ("unexpected header …", "expected …").
void ExpectHeader(std::string_view line, std::string_view expected,
                  const std::filesystem::path& file);

}  // namespace ricardo::detail
