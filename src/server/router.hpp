// Method × path dispatch for the API: "{name}" in a pattern matches one path segment. An
// unknown path is 404 and a known path with another method is 405 (with an Allow header), both
// as JSON error bodies.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "server/http_message.hpp"

namespace ricardo::server {

using PathParams = std::map<std::string, std::string>;
using RouteHandler = std::function<void(const HttpRequest&, HttpResponse&, const PathParams&)>;

class Router {
 public:
  void Add(const std::string& method, const std::string& pattern, RouteHandler handler);
  // True if some route's pattern matches `path` (whatever its method).
  bool Knows(const std::string& path) const;
  // Runs the matching handler. HEAD is served by GET routes. Throws HttpError 404 / 405.
  void Dispatch(const HttpRequest& request, HttpResponse& response) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    RouteHandler handler;
  };
  static std::vector<std::string> Split(const std::string& path);
  static bool Match(const Route& route, const std::vector<std::string>& segments,
                    PathParams* params);
  std::vector<Route> routes_;
};

}  // namespace ricardo::server
