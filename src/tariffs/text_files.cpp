#include "tariffs/text_files.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo::detail {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

double ParseNumber(std::string_view text, const std::filesystem::path& file, long line,
                   long column) {
  double value = 0.0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc{} || result.ptr != text.data() + text.size() ||
      !std::isfinite(value)) {
    throw DataError(Location{file.string(), line, column, ""},
                    fmt::format("value '{}' is not a number", text));
  }
  return value;
}

void ExpectHeader(std::string_view line, std::string_view expected,
                  const std::filesystem::path& file) {
  if (line != expected) {
    throw DataError(Location{file.string(), 1, 1, ""}, fmt::format("unexpected header '{}'", line),
                    fmt::format("expected '{}'", expected));
  }
}

}  // namespace ricardo::detail
