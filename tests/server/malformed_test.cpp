// Malformed requests over a real socket: each gets the right 4xx with a located message, and
// the server keeps serving afterwards.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "server/server_fixture.hpp"

namespace ricardo::testing {
namespace {

struct BadRequest {
  std::string name;
  std::string method;
  std::string path;
  std::string content_type;
  std::string body;
  int status;
  std::string message;  // exact "message" of the error body
  // Only the start of the message is pinned: the where and what of errors found by the
  // scenario compiler, whose list of fixes grows with the baseline.
  bool prefix_only = false;
};

const std::string kJson = "application/json";
const std::string kToml = "application/toml";

std::vector<BadRequest> BadRequests() {
  const std::string solve = "/api/v1/solve";
  return {
      {"truncated JSON", "POST", solve, kJson, R"({"scenario": "tariffs-test",)", 400,
       "request body:1:29: invalid JSON: syntax error while parsing object key - unexpected end "
       "of input; expected string literal"},
      {"JSON error on line 3", "POST", solve, kJson,
       "{\n  \"scenario\": \"tariffs-test\"\n  \"rates\": {}\n}", 400,
       "request body:3:9: invalid JSON: syntax error while parsing object - unexpected string "
       "literal; expected '}'"},
      // Found by fuzz.http_request: nlohmann's number overflow is not a parse_error and was a
      // 500 "internal error" (regression input in fuzz/corpus/http).
      {"number beyond a double", "POST", solve, kJson,
       "{\"scenario\": \"tariffs-test\",\n \"rates\": {\"x\": 0.5e777}}", 400,
       "request body:2:17: invalid JSON: number overflow parsing '0.5e777' (write numbers within "
       "a double's range (about ±1.8e308))"},
      {"JSON array instead of object", "POST", solve, kJson, "[1, 2]", 400,
       "request body: expected a JSON object, got array (send {\"scenario\": \"NAME\", \"rates\": "
       "{\"MEASURE\": 0.25}})"},
      {"empty body", "POST", solve, kJson, "", 400,
       "request body: the body is empty (send a JSON object such as {\"scenario\": \"NAME\"}, or "
       "scenario TOML with Content-Type: application/toml)"},
      {"unknown key", "POST", solve, kJson, R"({"scenario": "tariffs-test", "rate": {}})", 400,
       "request body: rate: unknown key 'rate' (did you mean 'rates'?) (keys of a solve request: "
       "baseline, scenario, scenario_toml, date, rates, measures, tags, usmca_share, "
       "bilateral_sector, elasticity_flags)"},
      {"no scenario", "POST", solve, kJson, R"({"rates": {}})", 400,
       "request body: scenario: no scenario given (name one (tariffs-test) or give one inline as "
       "an object or as 'scenario_toml')"},
      {"bad TOML syntax", "POST", solve, kToml, "name = \"x\"\n[[measures]\n", 400,
       "request body:2:12: Error while parsing table header: expected ']', saw '\\n'"},
      {"unknown TOML key", "POST", solve, kToml, "name = \"x\"\nbogus = 1\n", 400,
       "request body:2:1: unknown key 'bogus' in the scenario (known keys: name, title, "
       "description, sources, baseline, date, reference_date, usmca, measures, stacking, "
       "trade_costs, "
       "elasticities)"},
      {"unknown scenario", "POST", solve, kJson, R"({"scenario": "tariffs-tset"})", 404,
       "scenario: unknown scenario 'tariffs-tset' (did you mean 'tariffs-test'?) (scenarios "
       "offered: tariffs-test)"},
      {"unknown baseline", "POST", solve, kJson,
       R"({"scenario": "tariffs-test", "baseline": "north-amerika"})", 404,
       "baseline: unknown baseline 'north-amerika' (did you mean 'north-america'?) (baselines "
       "offered: north-america, world)"},
      {"baseline given as a path", "POST", solve, kJson,
       R"({"scenario": "tariffs-test", "baseline": "/etc"})", 404,
       "baseline: unknown baseline '/etc' (baselines offered: north-america, world)"},
      {"unknown measure", "POST", solve, kJson,
       R"({"scenario": "tariffs-test", "rates": {"s232-stel": 0.1}})", 400,
       "request body: rates.s232-stel: scenario 'tariffs-test' has no measure 's232-stel' (did "
       "you mean 's232-steel'?)"},
      {"rate above range", "POST", solve, kJson,
       R"({"scenario": "tariffs-test", "rates": {"s232-steel": 25}})", 400,
       "request body: rates.s232-steel: rate 25 for measure 's232-steel' is out of range (rates "
       "are fractions from 0 to 5 (0.25 = 25%))"},
      {"negative rate", "POST", solve, kJson,
       R"({"scenario": "tariffs-test", "rates": {"s232-steel": -0.1}})", 400,
       "request body: rates.s232-steel: rate -0.1 for measure 's232-steel' is out of range "
       "(rates are fractions from 0 to 5 (0.25 = 25%))"},
      {"rate as text", "POST", solve, kJson,
       R"({"scenario": "tariffs-test", "rates": {"s232-steel": "25%"}})", 400,
       "request body: rates.s232-steel: expected a number, got string"},
      {"unknown tag", "POST", solve, kJson,
       R"({"scenario": "tariffs-test", "tags": {"retalation": false}})", 400,
       "request body: tags.retalation: no measure of scenario 'tariffs-test' carries tag "
       "'retalation' (did you mean 'retaliation'?) (tags in this scenario: retaliation)"},
      {"USMCA share above 1", "POST", solve, kJson,
       R"({"scenario": "tariffs-test", "usmca_share": 1.5})", 400,
       "request body: usmca_share: USMCA share 1.5 is out of range (give a fraction from 0 to 1 "
       "(0.9 = 90% of trade claims USMCA preference))"},
      {"impossible date", "POST", solve, kJson,
       R"({"scenario": "tariffs-test", "date": "2025-02-30"})", 400,
       "request body: date: '2025-02-30' is not a date (give YYYY-MM-DD, e.g. 2025-11-01)"},
      {"unknown sector in an inline scenario", "POST", solve, kJson,
       R"({"scenario": {"name": "x", "date": "2025-11-01", "measures": [{"id": "m",
           "authority": "section_232", "importer": "USA", "origins": ["CAN"],
           "scope": {"sectors": ["steel2"]}, "rate": 0.25}]}})",
       400, "scenario: measures[0]: unknown sector 'steel2' (sectors of baseline 'north-america': ",
       true},
      {"unknown origin country", "POST", solve, kJson,
       R"({"scenario": {"name": "x", "date": "2025-11-01", "measures": [{"id": "m",
           "authority": "section_232", "importer": "USA", "origins": ["XYZ"],
           "scope": {"sectors": ["metals"]}, "rate": 0.25}]}})",
       400,
       "scenario: measures[0]: unknown country 'XYZ' (baseline 'north-america' has USA, CAN, "
       "MEX, ROW",
       true},
      {"both scenario and scenario_toml", "POST", solve, kJson,
       R"({"scenario": "tariffs-test", "scenario_toml": "name = \"x\""})", 400,
       "request body: scenario_toml: give either 'scenario' or 'scenario_toml', not both"},
      // Reported before the name is looked up.
      {"both scenario and scenario_toml, unknown name", "POST", solve, kJson,
       R"({"scenario": "no-such-scenario", "scenario_toml": "name = \"x\""})", 400,
       "request body: scenario_toml: give either 'scenario' or 'scenario_toml', not both"},
      {"unknown query parameter with TOML", "POST",
       solve + "?baseline=north-america&dte=2025-11-01", kToml, "name = \"x\"\n", 400,
       "query: dte: unknown query parameter 'dte' (did you mean 'date'?) (parameters with a TOML "
       "body: baseline, date, usmca_share, bilateral_sector, elasticity_flags)"},
      {"unsupported media type", "POST", solve, "text/plain", "scenario", 415,
       "Content-Type: cannot read a body of type 'text/plain' (send application/json (a request "
       "document) or application/toml (a scenario))"},
      {"oversized body", "POST", solve, kJson, std::string(70 * 1024, ' '), 413,
       "Content-Length: the request body (71680 bytes) is larger than the limit of 65536 bytes "
       "(send a smaller scenario; the limit is ServerOptions::max_body_bytes (--max-body-bytes))"},
      {"wrong method on solve", "DELETE", solve, "", "", 405,
       "method: DELETE is not allowed on '/api/v1/solve' (use POST)"},
      {"GET on solve", "GET", solve, "", "", 405,
       "method: GET is not allowed on '/api/v1/solve' (use POST)"},
      {"POST on health", "POST", "/api/v1/health", kJson, "{}", 405,
       "method: POST is not allowed on '/api/v1/health' (use GET)"},
      {"unknown API path", "GET", "/api/v1/solver", "", "", 404,
       "path: no endpoint at '/api/v1/solver' (see docs/api.md; GET /api/v1/health answers when "
       "the server is up)"},
      {"unknown API version", "GET", "/api/v2/health", "", "", 404,
       "path: no endpoint at '/api/v2/health' (see docs/api.md; GET /api/v1/health answers when "
       "the server is up)"},
      {"POST outside the API", "POST", "/index.html", kJson, "{}", 405,
       "method: POST is not allowed on '/index.html' (use GET)"},
      {"missing static file", "GET", "/no-such-file.js", "", "", 404,
       "path: no file at '/no-such-file.js' (the dashboard is at /; the API under /api/v1)"},
      {"unknown scenario on GET", "GET", "/api/v1/scenarios/nope", "", "", 404,
       "scenario: unknown scenario 'nope' (scenarios offered: tariffs-test)"},
      // Issue 11: a name that is not UTF-8 once decoded is quoted with U+FFFD (the JSON writer
      // threw on it, which made a 500 of a malformed request).
      {"scenario name not UTF-8", "GET", "/api/v1/scenarios/%FF", "", "", 404,
       "scenario: unknown scenario '\xEF\xBF\xBD' (scenarios offered: tariffs-test)"},
      {"bad percent-escape in the path", "GET", "/api/v1/scenarios/%zz", "", "", 400,
       "path: '/api/v1/scenarios/%zz' has a bad percent-escape (write '%' as '%25'; an escape is "
       "'%' and two hex digits, not %00)"},
  };
}

class Malformed : public ::testing::TestWithParam<BadRequest> {};

TEST_P(Malformed, GetsTheRightStatusAndALocatedMessage) {
  const BadRequest& bad = GetParam();
  const HttpReply reply =
      HttpRequest(SharedServer().port(), bad.method, bad.path, bad.body, bad.content_type);
  EXPECT_EQ(reply.status, bad.status) << reply.body;
  const nlohmann::json j = JsonOf(reply);
  ASSERT_TRUE(j.is_object() && j.contains("error")) << reply.body;
  EXPECT_EQ(j["error"]["status"], bad.status);
  const std::string message = j["error"].value("message", std::string());
  if (bad.prefix_only) {
    EXPECT_TRUE(message.starts_with(bad.message)) << message;
  } else {
    EXPECT_EQ(message, bad.message);
  }
  // Every message says where: a location in the body, the query, a header, the path or method.
  EXPECT_FALSE(j["error"]["location"].is_null()) << reply.body;
  // And the server keeps serving.
  EXPECT_EQ(HttpRequest(SharedServer().port(), "GET", "/api/v1/health").status, 200);
}

INSTANTIATE_TEST_SUITE_P(ServerApi, Malformed, ::testing::ValuesIn(BadRequests()),
                         [](const ::testing::TestParamInfo<BadRequest>& info) {
                           std::string name;
                           for (char c : info.param.name) name += std::isalnum(c) ? c : '_';
                           return name;
                         });

}  // namespace
}  // namespace ricardo::testing
