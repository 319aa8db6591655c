#include "server/http_error.hpp"

#include "fmt/format.h"

namespace ricardo::server {
namespace {

std::string Compose(const Location& where, const std::string& what, const std::string& fix) {
  const std::string place = where.ToString();
  const std::string head = place.empty() ? what : fmt::format("{}: {}", place, what);
  return fix.empty() ? head : fmt::format("{} ({})", head, fix);
}

nlohmann::json LocationJson(const Location& where) {
  if (where.file.empty() && where.line == 0 && where.column == 0 && where.field.empty()) {
    return nullptr;
  }
  nlohmann::json j = nlohmann::json::object();
  if (!where.file.empty()) j["file"] = where.file;
  if (where.line > 0) j["line"] = where.line;
  if (where.column > 0) j["column"] = where.column;
  if (!where.field.empty()) j["field"] = where.field;
  return j;
}

}  // namespace

HttpError::HttpError(int status, std::string kind, Location where, const std::string& what,
                     const std::string& fix)
    : std::runtime_error(Compose(where, what, fix)),
      status_(status),
      kind_(std::move(kind)),
      where_(std::move(where)),
      fix_(fix) {}

int StatusFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kScenario:
    case ErrorKind::kArgument: return 400;
    case ErrorKind::kNotFound: return 404;
    case ErrorKind::kLimit: return 422;  // the request is well-formed but asks for too much
    case ErrorKind::kData:
    case ErrorKind::kOutput:
    case ErrorKind::kInternal: return 500;
  }
  return 500;
}

nlohmann::json ErrorBody(int status, const std::string& kind, const std::string& message,
                         const Location& where, const std::string& fix) {
  nlohmann::json error = {
      {"status", status}, {"kind", kind}, {"message", message}, {"location", LocationJson(where)}};
  if (!fix.empty()) error["fix"] = fix;
  return {{"error", error}};
}

nlohmann::json ErrorBody(const Error& error) {
  return ErrorBody(StatusFor(error.kind()), ToString(error.kind()), error.what(), error.where(),
                   error.fix());
}

nlohmann::json ErrorBody(const HttpError& error) {
  return ErrorBody(error.status(), error.kind(), error.what(), error.where(), error.fix());
}

std::string JsonText(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ricardo::server
