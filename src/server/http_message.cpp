#include "server/http_message.hpp"

#include <cctype>

#include "fmt/format.h"

namespace ricardo::server {

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(a[k])) !=
        std::tolower(static_cast<unsigned char>(b[k]))) {
      return false;
    }
  }
  return true;
}

const std::string& HttpHeaders::Get(std::string_view name) const {
  static const std::string kEmpty;
  for (const auto& [n, v] : fields_) {
    if (EqualsIgnoringCase(n, name)) return v;
  }
  return kEmpty;
}

bool HttpHeaders::Has(std::string_view name) const {
  for (const auto& field : fields_) {
    if (EqualsIgnoringCase(field.first, name)) return true;
  }
  return false;
}

std::vector<std::string> HttpHeaders::All(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [n, v] : fields_) {
    if (EqualsIgnoringCase(n, name)) values.push_back(v);
  }
  return values;
}

void HttpHeaders::Add(std::string name, std::string value) {
  fields_.emplace_back(std::move(name), std::move(value));
}

void HttpHeaders::Set(std::string_view name, std::string value) {
  std::erase_if(fields_, [&](const auto& field) { return EqualsIgnoringCase(field.first, name); });
  fields_.emplace_back(std::string(name), std::move(value));
}

void HttpResponse::SetContent(std::string content, std::string_view media_type) {
  body = std::move(content);
  headers.Set("Content-Type", std::string(media_type));
}

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Content";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
  }
  return "Unknown";
}

std::string SerializeResponse(const HttpResponse& response, bool head_request, bool keep_alive,
                              int version_minor) {
  std::string out =
      fmt::format("HTTP/1.1 {} {}\r\n", response.status, ReasonPhrase(response.status));
  for (const auto& [name, value] : response.headers.fields()) {
    if (EqualsIgnoringCase(name, "Content-Length") || EqualsIgnoringCase(name, "Connection")) {
      continue;
    }
    out += fmt::format("{}: {}\r\n", name, value);
  }
  out += fmt::format("Content-Length: {}\r\n", response.body.size());
  // HTTP/1.1 keeps connections open unless told; HTTP/1.0 closes them unless told.
  if (!keep_alive) {
    out += "Connection: close\r\n";
  } else if (version_minor == 0) {
    out += "Connection: keep-alive\r\n";
  }
  out += "\r\n";
  if (!head_request) out += response.body;
  return out;
}

}  // namespace ricardo::server
