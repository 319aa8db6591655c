#include "server/application.hpp"

#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/paths.hpp"
#include "ricardo/scenario.hpp"
#include "server/http_error.hpp"

namespace ricardo::server {
namespace {

// How much lower the draws worker's priority is than the solve workers' (setpriority).
constexpr int kDrawWorkerNice = 10;

bool IsApi(const std::string& path) {
  return path == "/api" || path.starts_with("/api/");
}

}  // namespace

Application::Application(const ServerOptions& options)
    : catalog_(options.extra_baselines, options.scenario_directory.empty()
                                            ? ShippedScenarioDirectory()
                                            : options.scenario_directory),
      workers_(options.max_concurrent_solves, options.max_waiting_solves),
      // One thread, at nice +10: a draws job uses a core only when no solve wants it.
      draw_workers_(1, kMaxWaitingDrawRequests, kDrawWorkerNice),
      cache_(options.cache_entries, options.cache_max_bytes),
      web_directory_(options.web_directory.empty() ? FindWebDirectory() : options.web_directory),
      files_(web_directory_) {
  if (!files_.available()) web_directory_.clear();
  context_.catalog = &catalog_;
  context_.workers = &workers_;
  context_.draw_workers = &draw_workers_;
  context_.cache = &cache_;
  context_.pipeline.solve_time_limit_seconds = options.solve_time_limit_seconds;
  context_.dashboard_available = files_.available();
  AddApiRoutes(router_, context_);
}

void Application::WarmUp() {
  try {
    ShippedProductData();
  } catch (const Error&) {
  }
  for (const std::string& name : catalog_.BaselineNames()) {
    try {
      catalog_.GetBaseline(name);
    } catch (const Error&) {
    }
  }
}

bool Application::AnswerInline(const HttpRequest& request) {
  if (request.method != "GET" && request.method != "HEAD") return false;
  return !IsApi(request.path) || request.path == "/api/v1/health";
}

HttpResponse Application::Handle(const HttpRequest& request) const {
  HttpResponse response;
  try {
    if (!IsApi(request.path) && (request.method == "GET" || request.method == "HEAD")) {
      if (files_.Serve(request.path, response)) return response;
      throw HttpError(404, "not found", Location{"", 0, 0, "path"},
                      fmt::format("no file at '{}'", request.path),
                      "the dashboard is at /; the API under /api/v1");
    }
    if (!IsApi(request.path)) {
      response.headers.Set("Allow", "GET");
      throw HttpError(405, "method not allowed", Location{"", 0, 0, "method"},
                      fmt::format("{} is not allowed on '{}'", request.method, request.path),
                      "use GET");
    }
    router_.Dispatch(request, response);
  } catch (const HttpError& e) {
    SendJson(response, e.status(), JsonText(ErrorBody(e)));
  } catch (const Error& e) {
    SendJson(response, StatusFor(e.kind()), JsonText(ErrorBody(e)));
  } catch (const std::exception& e) {
    // A bug of ours: answer it, keep serving.
    SendJson(response, 500,
             JsonText(ErrorBody(500, ToString(ErrorKind::kInternal),
                                fmt::format("internal error: {}", e.what()), Location{},
                                "please report this as a bug")));
  }
  return response;
}

}  // namespace ricardo::server
