#include "server/api_routes.hpp"

#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/scenario.hpp"
#include "server/http_error.hpp"
#include "server/solve_request.hpp"

namespace ricardo::server {
namespace {

using Json = nlohmann::json;

Json BaselineSummary(const std::string& name, const Baseline& b) {
  Json regions = Json::array(), sectors = Json::array();
  for (const Region& r : b.regions) regions.push_back({{"code", r.code}, {"name", r.name}});
  for (const Sector& s : b.sectors) {
    sectors.push_back(
        {{"code", s.code}, {"name", s.name}, {"tradable", s.tradable}, {"theta", s.theta}});
  }
  return {{"name", name},
          {"title", b.manifest.title},
          {"year", b.manifest.year},
          {"currency", b.manifest.currency},
          {"money_unit_label", b.manifest.MoneyUnitLabel()},
          {"source", b.manifest.source},
          {"licence", b.manifest.licence},
          {"regions", regions},
          {"sectors", sectors}};
}

Json OptionalDate(const std::optional<Date>& d) {
  return d ? Json(d->ToString()) : Json();
}

std::vector<std::string> Tags(const Scenario& s) {
  std::vector<std::string> tags;
  for (const Measure& m : s.measures)
    for (const std::string& t : m.tags)
      if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
  return tags;
}

Json ScenarioSummary(const std::string& name, const Scenario& s) {
  return {
      {"name", name},
      {"title", s.title},
      {"description", s.description},
      {"baseline", s.baseline},
      {"date", OptionalDate(s.date)},
      {"measures", s.measures.size()},
      {"tags", Tags(s)},
      {"usmca_share_override", s.usmca.share_override ? Json(*s.usmca.share_override) : Json()}};
}

Json MeasureSummary(const Measure& m) {
  return {{"id", m.id},
          {"title", m.title},
          {"authority", ToString(m.authority)},
          {"importer", m.importer},
          {"origins", m.origins},
          {"rate", m.rate},
          // Measures whose rates come from the baseline have no single rate to edit.
          {"rate_editable", m.rate_from_baseline.empty()},
          {"content", ToString(m.content)},
          {"usmca", ToString(m.usmca)},
          {"enabled", m.enabled},
          {"tags", m.tags},
          {"from", OptionalDate(m.from)},
          {"to", OptionalDate(m.to)}};
}

void Health(const ApiContext& c, HttpResponse& response) {
  const Json body = {{"status", "ok"},
                     {"version", RICARDO_VERSION},
                     {"dashboard", c.dashboard_available},
                     {"solves",
                      {{"running", c.workers->running()},
                       {"waiting", c.workers->waiting()},
                       {"refused", c.workers->refused()}}},
                     {"draws",
                      {{"running", c.draw_workers->running()},
                       {"waiting", c.draw_workers->waiting()},
                       {"refused", c.draw_workers->refused()}}},
                     {"cache",
                      {{"entries", c.cache->entries()},
                       {"bytes", c.cache->bytes()},
                       {"hits", c.cache->hits()},
                       {"misses", c.cache->misses()}}}};
  SendJson(response, 200, JsonText(body));
}

// The bounds of a solve request's edits, from the constants the checks themselves use, so that
// the dashboard refuses a typed 600% with the server's limit instead of a copy of it; and how
// many draws /draws gives by default and at most.
void Limits(HttpResponse& response) {
  const Json body = {{"tariff_rate_max", kMaxTariffRate},
                     {"usmca_share_max", kMaxUsmcaShare},
                     {"draws_default", kDefaultRequestDraws},
                     {"draws_max", kMaxRequestDraws}};
  SendJson(response, 200, JsonText(body));
}

void ListBaselines(const ApiContext& c, HttpResponse& response) {
  Json list = Json::array();
  for (const std::string& name : c.catalog->BaselineNames()) {
    try {
      const auto baseline = c.catalog->GetBaseline(name);
      Json summary = BaselineSummary(name, *baseline);
      summary["regions"] = baseline->region_count();
      summary["sectors"] = baseline->sector_count();
      list.push_back(summary);
    } catch (const Error& e) {
      // One broken package must not hide the others; its entry says what is wrong.
      list.push_back({{"name", name}, {"error", e.what()}});
    }
  }
  SendJson(response, 200, JsonText(Json{{"baselines", list}}));
}

void ListScenarios(const ApiContext& c, HttpResponse& response) {
  Json list = Json::array();
  for (const std::string& name : c.catalog->ScenarioNames()) {
    try {
      list.push_back(ScenarioSummary(name, *c.catalog->GetScenario(name)));
    } catch (const Error& e) {
      list.push_back({{"name", name}, {"error", e.what()}});
    }
  }
  SendJson(response, 200, JsonText(Json{{"scenarios", list}}));
}

void GetScenario(const ApiContext& c, const std::string& name, HttpResponse& response) {
  const auto scenario = c.catalog->GetScenario(name);
  Json body = ScenarioSummary(name, *scenario);
  Json measures = Json::array();
  for (const Measure& m : scenario->measures) measures.push_back(MeasureSummary(m));
  body["measures"] = measures;
  body["scenario"] = ScenarioToJson(*scenario);
  SendJson(response, 200, JsonText(body));
}

SolveRequest ReadRequest(const ApiContext& c, const HttpRequest& request, Endpoint endpoint) {
  const BodyFormat format = BodyFormatOf(request.headers.Get("Content-Type"));
  const std::multimap<std::string, std::string>& query = request.query;
  return ReadSolveRequest(request.body, format, query, endpoint, *c.catalog);
}

// `job` on a solve worker, in arrival order; 503 if too many are waiting.
template <class Job>
auto OnWorker(const ApiContext& c, Job job) {
  auto result = c.workers->Run(std::move(job));
  if (!result) {
    throw HttpError(503, "busy", Location{}, "too many solves are waiting", "retry in a moment");
  }
  return std::move(*result);
}

void Solve(const ApiContext& c, const HttpRequest& request, HttpResponse& response) {
  const BodyFormat format = BodyFormatOf(request.headers.Get("Content-Type"));
  const std::multimap<std::string, std::string>& query = request.query;
  bool hit = false;
  // Keyed by the request as sent: a hit needs no scenario copy, edit or validation (under load
  // those cost more than the answer's lookup and sending). Errors are not cached.
  const auto answer = c.cache->GetOrCompute(
      SolveCacheKey(request.body, format, query, *c.catalog),
      [&] {
        const SolveRequest solve =
            ReadSolveRequest(request.body, format, query, Endpoint::kSolve, *c.catalog);
        return OnWorker(c, [&] {
          return std::make_shared<const Answer>(SolveAnswer(solve, c.pipeline, *c.catalog));
        });
      },
      &hit);
  response.headers.Set("X-Ricardo-Cache", hit ? "hit" : "miss");
  SendJson(response, answer->status, answer->body);
}

// Like Solve, on the draws worker: one draws job at a time, kMaxWaitingDrawRequests more waiting,
// and the solve workers (the sliders') never wait for one. Answers are cached like solves, keyed
// by the request as sent (its draws and seed included).
void Draws(const ApiContext& c, const HttpRequest& request, HttpResponse& response) {
  const BodyFormat format = BodyFormatOf(request.headers.Get("Content-Type"));
  const std::multimap<std::string, std::string>& query = request.query;
  bool hit = false;
  const auto answer = c.cache->GetOrCompute(
      "draws\n" + SolveCacheKey(request.body, format, query, *c.catalog),
      [&] {
        const SolveRequest draws =
            ReadSolveRequest(request.body, format, query, Endpoint::kDraws, *c.catalog);
        auto computed = c.draw_workers->Run([&] {
          return std::make_shared<const Answer>(DrawsAnswer(draws, c.pipeline, *c.catalog));
        });
        if (!computed) {
          throw HttpError(503, "busy", Location{},
                          fmt::format("a draws request is being computed and {} more are waiting",
                                      kMaxWaitingDrawRequests),
                          "retry when it is done; GET /api/v1/health says how many are waiting");
        }
        return std::move(*computed);
      },
      &hit);
  response.headers.Set("X-Ricardo-Cache", hit ? "hit" : "miss");
  SendJson(response, answer->status, answer->body);
}

void Explain(const ApiContext& c, const HttpRequest& request, HttpResponse& response) {
  const SolveRequest explain = ReadRequest(c, request, Endpoint::kExplain);
  SendJson(response, 200,
           OnWorker(c, [&] { return JsonText(ExplainAnswer(explain, c.pipeline)); }));
}

}  // namespace

void SendJson(HttpResponse& response, int status, const std::string& json_text) {
  response.status = status;
  response.SetContent(json_text, "application/json");
}

void AddApiRoutes(Router& router, const ApiContext& context) {
  const ApiContext* c = &context;
  router.Add("GET", "/api/v1/health",
             [c](const auto&, auto& res, const auto&) { Health(*c, res); });
  router.Add("GET", "/api/v1/limits", [](const auto&, auto& res, const auto&) { Limits(res); });
  router.Add("GET", "/api/v1/baselines",
             [c](const auto&, auto& res, const auto&) { ListBaselines(*c, res); });
  router.Add("GET", "/api/v1/baselines/{name}", [c](const auto&, auto& res, const auto& p) {
    const std::string& name = p.at("name");
    SendJson(res, 200, JsonText(BaselineSummary(name, *c->catalog->GetBaseline(name))));
  });
  router.Add("GET", "/api/v1/scenarios",
             [c](const auto&, auto& res, const auto&) { ListScenarios(*c, res); });
  router.Add("GET", "/api/v1/scenarios/{name}",
             [c](const auto&, auto& res, const auto& p) { GetScenario(*c, p.at("name"), res); });
  router.Add("POST", "/api/v1/solve",
             [c](const auto& req, auto& res, const auto&) { Solve(*c, req, res); });
  router.Add("POST", "/api/v1/draws",
             [c](const auto& req, auto& res, const auto&) { Draws(*c, req, res); });
  router.Add("POST", "/api/v1/explain",
             [c](const auto& req, auto& res, const auto&) { Explain(*c, req, res); });
}

}  // namespace ricardo::server
