// Everything `ricardo serve` answers with, without the sockets: the catalog, solve workers,
// result cache, dashboard files and the router, behind one Handle(request) → response. The
// front end (http_front_end) calls it from its threads; fuzz/http_fuzz.cpp calls it directly.
#pragma once

#include <filesystem>

#include "ricardo/server.hpp"
#include "server/api_routes.hpp"
#include "server/catalog.hpp"
#include "server/http_message.hpp"
#include "server/result_cache.hpp"
#include "server/router.hpp"
#include "server/solve_workers.hpp"
#include "server/static_files.hpp"

namespace ricardo::server {

class Application {
 public:
  explicit Application(const ServerOptions& options);
  Application(const Application&) = delete;
  Application& operator=(const Application&) = delete;

  // Loads the product data and every offered baseline now, so that the first solve is as fast
  // as the others. Failures are left to the requests that need the data (located there).
  void WarmUp();
  // The answer to `request`: errors become JSON bodies with their 4xx status; only a bug of ours
  // is a 500. Never throws. Thread-safe.
  HttpResponse Handle(const HttpRequest& request) const;
  // Health and the dashboard's files only read counters and memory: answered on the I/O thread,
  // they stay answerable while every handler thread waits for a solve.
  static bool AnswerInline(const HttpRequest& request);

  // Where the dashboard is served from; empty if the built files were not found.
  const std::filesystem::path& web_directory() const { return web_directory_; }

 private:
  Catalog catalog_;
  SolveWorkers workers_;
  SolveWorkers draw_workers_;
  ResultCache cache_;
  std::filesystem::path web_directory_;
  StaticFiles files_;
  ApiContext context_;
  Router router_;
};

}  // namespace ricardo::server
