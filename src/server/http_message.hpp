// The HTTP request and response the server's handlers see: our own small types, so that the
// router and the endpoints do not depend on how bytes reach them (http_parser reads them,
// http_front_end moves them over sockets, fuzz/http_fuzz.cpp feeds them without any socket).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ricardo::server {

// Header fields in arrival order; names compare case-insensitively (RFC 9110 §5.1).
class HttpHeaders {
 public:
  // The first value of `name`, or "" if absent.
  const std::string& Get(std::string_view name) const;
  bool Has(std::string_view name) const;
  // Every value of `name`, in arrival order.
  std::vector<std::string> All(std::string_view name) const;
  void Add(std::string name, std::string value);
  // Replaces every field called `name` by one.
  void Set(std::string_view name, std::string value);
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }
  std::size_t size() const { return fields_.size(); }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

bool EqualsIgnoringCase(std::string_view a, std::string_view b);

struct HttpRequest {
  std::string method;  // "GET", "POST", ... as sent (methods are case-sensitive)
  std::string target;  // as sent: "/api/v1/solve?date=2025-11-01"
  std::string path;    // percent-decoded path of the target: "/api/v1/solve"
  std::multimap<std::string, std::string> query;  // percent-decoded parameters
  int version_minor = 1;                          // HTTP/1.<version_minor>: 0 or 1
  HttpHeaders headers;
  std::string body;  // de-chunked
};

struct HttpResponse {
  int status = 200;
  HttpHeaders headers;  // Content-Length and Connection are written by the front end
  std::string body;
  void SetContent(std::string content, std::string_view media_type);
};

// "OK", "Not Found", ... ("Unknown" for a status without a phrase of ours).
std::string_view ReasonPhrase(int status);

// The response's bytes: status line, headers, Content-Length, Connection, then the body unless
// `head_request` (a HEAD answer carries the GET answer's length but no body).
std::string SerializeResponse(const HttpResponse& response, bool head_request, bool keep_alive,
                              int version_minor);

}  // namespace ricardo::server
