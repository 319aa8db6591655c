// Reading the product data's text files: lines (plain or gzip-compressed), CSV fields, and the
// checks every loader makes (header, digits, numbers), each failing with a located DataError.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/regular_file.hpp"

namespace ricardo::detail {

// Calls `on_line(line_number, line)` for every line (1-based, without the newline) of a plain
// or .gz file. NotFoundError if it does not exist, DataError if it cannot be read, is not a
// regular file (a pipe, a device), or holds (or inflates to) more than kind.max_bytes.
void ForEachLine(const std::filesystem::path& file,
                 const std::function<void(long, std::string_view)>& on_line,
                 const FileKind& kind = kDataFileKind);

// Splits one CSV line: commas separate fields; double quotes enclose fields that hold commas
// or quotes ("" inside a quoted field is one quote).
std::vector<std::string> SplitCsv(std::string_view line);

// True for a non-empty string of ASCII digits.
bool AllDigits(std::string_view s);

// The number in `text`, or a DataError at file:line:column ("value 'x' is not a number").
double ParseNumber(std::string_view text, const std::filesystem::path& file, long line, long column);

// DataError at file:1:1 unless `line` is `expected` ("unexpected header …", "expected …").
void ExpectHeader(std::string_view line, std::string_view expected, const std::filesystem::path& file);

}  // namespace ricardo::detail
