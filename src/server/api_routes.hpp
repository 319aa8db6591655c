// The /api/v1 endpoints (docs/api.md), registered on a Router.
#pragma once

#include "server/catalog.hpp"
#include "server/result_cache.hpp"
#include "server/router.hpp"
#include "server/scenario_pipeline.hpp"
#include "server/solve_workers.hpp"

namespace ricardo::server {

struct ApiContext {
  Catalog* catalog = nullptr;
  SolveWorkers* workers = nullptr;
  // /draws jobs: a worker of their own, at a lower priority, so that a long draws job never
  // stands in the line of the sliders' solves (docs/api.md, "POST /api/v1/draws").
  SolveWorkers* draw_workers = nullptr;
  ResultCache* cache = nullptr;
  PipelineOptions pipeline;
  bool dashboard_available = false;
};

// `context` must outlive the router.
void AddApiRoutes(Router& router, const ApiContext& context);

// Writes a JSON body with `status`.
void SendJson(HttpResponse& response, int status, const std::string& json_text);

}  // namespace ricardo::server
