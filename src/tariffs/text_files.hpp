// Reading the product data's text files: lines (plain or gzip-compressed) and CSV fields.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ricardo::detail {

// Calls `on_line(line_number, line)` for every line (1-based, without the newline) of a plain
// or .gz file. NotFoundError if it does not exist, DataError if it cannot be read.
void ForEachLine(const std::filesystem::path& file,
                 const std::function<void(long, std::string_view)>& on_line);

// Splits one CSV line: commas separate fields; double quotes enclose fields that hold commas
// or quotes ("" inside a quoted field is one quote).
std::vector<std::string> SplitCsv(std::string_view line);

}  // namespace ricardo::detail
