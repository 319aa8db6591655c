#include "server/router.hpp"

#include <set>

#include "fmt/format.h"
#include "server/http_error.hpp"
#include "server/request_body.hpp"

namespace ricardo::server {

std::vector<std::string> Router::Split(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t start = 1;  // paths start with '/'
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string::npos ? path.size() : slash;
    if (end > start) segments.push_back(path.substr(start, end - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return segments;
}

bool Router::Match(const Route& route, const std::vector<std::string>& segments,
                   PathParams* params) {
  if (route.segments.size() != segments.size()) return false;
  for (std::size_t k = 0; k < segments.size(); ++k) {
    const std::string& want = route.segments[k];
    if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
      if (params) (*params)[want.substr(1, want.size() - 2)] = segments[k];
    } else if (want != segments[k]) {
      return false;
    }
  }
  return true;
}

void Router::Add(const std::string& method, const std::string& pattern, RouteHandler handler) {
  routes_.push_back(Route{method, Split(pattern), std::move(handler)});
}

bool Router::Knows(const std::string& path) const {
  const auto segments = Split(path);
  for (const Route& route : routes_) {
    if (Match(route, segments, nullptr)) return true;
  }
  return false;
}

void Router::Dispatch(const HttpRequest& request, HttpResponse& response) const {
  const auto segments = Split(request.path);
  const std::string method = request.method == "HEAD" ? "GET" : request.method;
  std::set<std::string> allowed;
  for (const Route& route : routes_) {
    PathParams params;
    if (!Match(route, segments, &params)) continue;
    if (route.method == method) {
      route.handler(request, response, params);
      return;
    }
    allowed.insert(route.method);
  }
  if (allowed.empty()) {
    throw HttpError(404, "not found", Location{"", 0, 0, "path"},
                    fmt::format("no endpoint at '{}'", request.path),
                    "see docs/api.md; GET /api/v1/health answers when the server is up");
  }
  const std::string allow = JoinNames({allowed.begin(), allowed.end()});
  response.headers.Set("Allow", allow);
  throw HttpError(405, "method not allowed", Location{"", 0, 0, "method"},
                  fmt::format("{} is not allowed on '{}'", request.method, request.path),
                  fmt::format("use {}", allow));
}

}  // namespace ricardo::server
