// Calendar dates for measure windows.
#include <charconv>

#include "fmt/format.h"
#include "ricardo/scenario.hpp"

namespace ricardo {
namespace {

bool IsLeap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

bool ParseInt(std::string_view text, int* out) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  const auto result = std::from_chars(text.data(), text.data() + text.size(), *out);
  return result.ec == std::errc{};
}

}  // namespace

bool Date::IsValid() const {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

std::optional<Date> Date::Parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  Date d;
  if (!ParseInt(iso.substr(0, 4), &d.year) || !ParseInt(iso.substr(5, 2), &d.month) ||
      !ParseInt(iso.substr(8, 2), &d.day)) {
    return std::nullopt;
  }
  if (!d.IsValid()) return std::nullopt;
  return d;
}

std::string Date::ToString() const {
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

bool Measure::InForce(const Date& date) const {
  return (!from || *from <= date) && (!to || date <= *to);
}

}  // namespace ricardo
