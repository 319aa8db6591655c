// HTTP errors with JSON bodies: {"error": {"status", "kind", "message", "location", "fix"}}.
// `message` is exactly what the command line prints after "ricardo: <kind>: ", so a client sees
// the same located text ("request body:7:14: unknown sector 'steel2' (did you mean 'metals'?)").
#pragma once

#include <stdexcept>
#include <string>

#include "nlohmann/json.hpp"
#include "ricardo/error.hpp"

namespace ricardo::server {

// An error raised by the HTTP layer itself (wrong method, queue full, bad media type, ...).
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string kind, Location where, const std::string& what,
            const std::string& fix = {});
  int status() const { return status_; }
  const std::string& kind() const { return kind_; }
  const Location& where() const { return where_; }
  const std::string& fix() const { return fix_; }

 private:
  int status_;
  std::string kind_;
  Location where_;
  std::string fix_;
};

// The HTTP status for a library error: 400 for scenario and argument errors, 404 for names that
// do not exist, 500 for data errors (the server's own files) and internal errors.
int StatusFor(ErrorKind kind);

nlohmann::json ErrorBody(int status, const std::string& kind, const std::string& message,
                         const Location& where, const std::string& fix);
nlohmann::json ErrorBody(const Error& error);
nlohmann::json ErrorBody(const HttpError& error);

// `json` as text, with bytes that are not UTF-8 replaced by U+FFFD: messages quote what clients
// sent (a path, a name), and nlohmann's dump() throws on invalid UTF-8, which would turn a
// malformed request into a 500.
std::string JsonText(const nlohmann::json& json);

}  // namespace ricardo::server
