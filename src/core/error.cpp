#include "ricardo/error.hpp"

#include <string>

#include "fmt/format.h"

namespace ricardo {

std::string Location::ToString() const {
  std::string out = file;
  if (line > 0) {
    out = column > 0 ? fmt::format("{}{}{}:{}", file, file.empty() ? "line " : ":", line, column)
                     : fmt::format("{}{}{}", file, file.empty() ? "line " : ":", line);
  }
  if (!field.empty()) out = out.empty() ? field : fmt::format("{}: {}", out, field);
  return out;
}

const char* ToString(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kData: return "data error";
    case ErrorKind::kScenario: return "scenario error";
    case ErrorKind::kArgument: return "invalid argument";
    case ErrorKind::kNotFound: return "not found";
    case ErrorKind::kLimit: return "limit exceeded";
    case ErrorKind::kOutput: return "output error";
    case ErrorKind::kInternal: return "internal error";
  }
  return "error";
}

namespace {
std::string Compose(const Location& where, const std::string& what, const std::string& fix) {
  const std::string place = where.ToString();
  const std::string head = place.empty() ? what : fmt::format("{}: {}", place, what);
  return fix.empty() ? head : fmt::format("{} ({})", head, fix);
}
}  // namespace

Error::Error(ErrorKind kind, Location where, const std::string& what, const std::string& fix)
    : std::runtime_error(Compose(where, what, fix)),
      kind_(kind),
      where_(std::move(where)),
      problem_(what),
      fix_(fix) {}

}  // namespace ricardo
