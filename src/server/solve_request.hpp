// What a client asks /solve, /draws and /explain for, read from a JSON or TOML body and validated
// with located errors before any computing starts. docs/api.md documents the request document.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ricardo/baseline.hpp"
#include "ricardo/scenario.hpp"
#include "ricardo/server.hpp"
#include "server/catalog.hpp"

namespace ricardo::server {

enum class BodyFormat { kJson, kToml };

// From the Content-Type header: JSON when empty or */json, TOML for */toml. HttpError 415 for
// anything else.
BodyFormat BodyFormatOf(std::string_view content_type);

enum class Endpoint { kSolve, kExplain, kDraws };

// What a /draws request adds to a solve request (docs/api.md, "POST /api/v1/draws").
struct DrawRequest {
  int draws = kDefaultRequestDraws;  // 1 to kMaxRequestDraws
  std::uint64_t seed = 1;            // same seed, same draws (DrawSettings::seed)
};

struct SolveRequest {
  std::string baseline_name;
  std::shared_ptr<const Baseline> baseline;
  Scenario scenario;                  // edits applied
  std::optional<Date> date;           // compile date; default the scenario's
  std::optional<double> usmca_share;  // every product's USMCA-qualifying share, [0, 1]
  bool bilateral_sector = true;       // include the (importer, exporter, sector) table
  bool elasticity_flags = true;  // flag high-θ sectors (one more solve each), as `ricardo run`
  ExplainOptions explain;        // /explain only
  DrawRequest draws;             // /draws only
  // The catalog's scenario a JSON /solve or /draws request names (edited or not; null for an inline
  // or TOML scenario).
  std::shared_ptr<const Scenario> named;
  // A /solve or /draws request that names a scenario and edits nothing but measure rates (no date,
  // switches, tags or USMCA share) is read without copying the scenario: `rates_only` is set,
  // `rates` holds every measure of `named` at its rate with the edits applied, and `scenario`
  // is left empty. Such requests are evaluated on the catalog's compile of `named`
  // (Catalog::GetCompiled, CompiledScenario::SetRates).
  bool rates_only = false;
  std::vector<double> rates;
};

// The result-cache key of a /solve request, found without reading the request in full (a cache
// hit then costs a JSON parse, not a scenario copy and edit): the JSON document re-serialised
// (sorted keys, no formatting) with the version of the scenario file it names, or the TOML text
// with the sorted query. Equal keys give equal answers. Only valid requests' answers are cached,
// so a key found in the cache is a valid request's. Throws HttpError 400 (located) for invalid
// JSON, the first error ReadSolveRequest would report too.
std::string SolveCacheKey(std::string_view body, BodyFormat format,
                          const std::multimap<std::string, std::string>& query,
                          const Catalog& catalog);

// A JSON request document ({"scenario": …, "rates": …}) or scenario TOML (the body) with
// options in the query string. Throws HttpError / ScenarioError / ArgumentError / NotFoundError
// located in the body ("request body:3:9", "request body: rates.s232-steel") or the query.
SolveRequest ReadSolveRequest(std::string_view body, BodyFormat format,
                              const std::multimap<std::string, std::string>& query,
                              Endpoint endpoint, Catalog& catalog);

}  // namespace ricardo::server
