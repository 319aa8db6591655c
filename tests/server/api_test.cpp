// The HTTP API over a real socket: endpoints, the solve document, edits, caching, keep-alive.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

#include "ricardo/package.hpp"
#include "ricardo/run.hpp"
#include "ricardo/scenario.hpp"
#include "server/server_fixture.hpp"

namespace ricardo::testing {
namespace {

using Json = nlohmann::json;

HttpReply Solve(const std::string& body) {
  return HttpRequest(SharedServer().port(), "POST", "/api/v1/solve", body);
}

TEST(ServerApi, HealthReportsStatusAndCounters) {
  const HttpReply reply = HttpRequest(SharedServer().port(), "GET", "/api/v1/health");
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.headers.at("content-type"), "application/json");
  const Json j = JsonOf(reply);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_FALSE(j["dashboard"].get<bool>());
  EXPECT_TRUE(j["solves"].contains("waiting"));
  EXPECT_TRUE(j["cache"].contains("hits"));
}

TEST(ServerApi, ListsAndDescribesBaselines) {
  const Json list = JsonOf(HttpRequest(SharedServer().port(), "GET", "/api/v1/baselines"));
  bool found = false;
  for (const Json& b : list["baselines"]) {
    if (b["name"] == "north-america") {
      found = true;
      EXPECT_EQ(b["regions"], 4);
    }
  }
  EXPECT_TRUE(found) << list.dump();
  const HttpReply one = HttpRequest(SharedServer().port(), "GET", "/api/v1/baselines/north-america");
  ASSERT_EQ(one.status, 200);
  const Json described = JsonOf(one);
  std::vector<std::string> codes;
  for (const Json& r : described["regions"]) codes.push_back(r["code"]);
  EXPECT_EQ(codes, (std::vector<std::string>{"USA", "CAN", "MEX", "ROW"}));
}

TEST(ServerApi, ListsAndDescribesScenarios) {
  const Json list = JsonOf(HttpRequest(SharedServer().port(), "GET", "/api/v1/scenarios"));
  ASSERT_EQ(list["scenarios"].size(), 1u) << list.dump();
  EXPECT_EQ(list["scenarios"][0]["name"], "tariffs-test");
  EXPECT_EQ(list["scenarios"][0]["tags"], Json::array({"retaliation"}));

  const HttpReply reply = HttpRequest(SharedServer().port(), "GET", "/api/v1/scenarios/tariffs-test");
  ASSERT_EQ(reply.status, 200);
  const Json j = JsonOf(reply);
  ASSERT_EQ(j["measures"].size(), 3u);
  EXPECT_EQ(j["measures"][0]["id"], "s232-steel");
  EXPECT_DOUBLE_EQ(j["measures"][0]["rate"].get<double>(), 0.5);
  EXPECT_TRUE(j["measures"][0]["rate_editable"].get<bool>());
  EXPECT_EQ(j["measures"][2]["tags"], Json::array({"retaliation"}));
  // The scenario document parses back to the file's scenario.
  EXPECT_EQ(ScenarioFromJson(j["scenario"], "reply"),
            LoadScenario(ServerTestData() / "scenarios" / "tariffs-test.toml"));
}

// Every number of `served` within `relative` of `expected`'s (strings, keys and shapes equal).
void ExpectClose(const Json& served, const Json& expected, double relative, const std::string& at) {
  if (expected.is_number() && served.is_number()) {
    const double a = served.get<double>(), b = expected.get<double>();
    EXPECT_LE(std::abs(a - b), relative * std::max({1.0, std::abs(a), std::abs(b)}))
        << at << ": " << a << " vs " << b;
    return;
  }
  ASSERT_EQ(served.type(), expected.type()) << at;
  if (expected.is_object()) {
    ASSERT_EQ(served.size(), expected.size()) << at;
    for (const auto& [key, value] : expected.items()) {
      ASSERT_TRUE(served.contains(key)) << at << "." << key;
      ExpectClose(served[key], value, relative, at + "." + key);
    }
  } else if (expected.is_array()) {
    ASSERT_EQ(served.size(), expected.size()) << at;
    for (std::size_t k = 0; k < expected.size(); ++k) {
      ExpectClose(served[k], expected[k], relative, at + "[" + std::to_string(k) + "]");
    }
  } else {
    EXPECT_EQ(served, expected) << at;
  }
}

// A rate edit of a named scenario is solved from the scenario's own equilibrium (warm start):
// the answer agrees with a cold solve of the same edit to within the solver's tolerance, and
// takes fewer iterations.
TEST(ServerApi, RateEditStartsFromTheScenariosEquilibriumAndAgreesWithAColdSolve) {
  Scenario scenario = LoadScenario(ServerTestData() / "scenarios" / "tariffs-test.toml");
  for (Measure& m : scenario.measures) {
    if (m.id == "s232-steel") m.rate = 0.15;
  }
  const Baseline baseline = LoadBaseline("north-america");
  const CompiledScenario compiled = CompileScenario(scenario, baseline);
  const RunResult cold = RunCounterfactual(ApplyScenarioSectors(baseline, compiled),
                                           compiled.shock, {}, compiled.metadata);
  ASSERT_TRUE(cold.solution.summary.IsConverged());
  Json expected = RunResultToJson(cold);
  const HttpReply reply = Solve(R"({"scenario": "tariffs-test", "rates": {"s232-steel": 0.15}})");
  ASSERT_EQ(reply.status, 200) << reply.body;
  Json served = JsonOf(reply);
  EXPECT_TRUE(served["solver"]["warm_start"].get<bool>());
  EXPECT_FALSE(expected["solver"]["warm_start"].get<bool>());
  EXPECT_TRUE(served["solver"]["converged"].get<bool>());
  EXPECT_LE(served["solver"]["max_residual"].get<double>(), 1e-8);
  EXPECT_LT(served["solver"]["iterations"].get<int>(), expected["solver"]["iterations"].get<int>());
  served.erase("solver");
  expected.erase("solver");
  ExpectClose(served, expected, 1e-8, "$");
}

// The solve answer for a named scenario with nothing edited is RunResultToJson of the same run
// computed here with the library, exactly. A request that gives any edit (here the scenario's
// own date, which makes the server compile it in full) is solved from the scenario's
// equilibrium and agrees with it to within the solver's tolerance.
TEST(ServerApi, SolveReturnsTheRunResultDocument) {
  const Scenario scenario = LoadScenario(ServerTestData() / "scenarios" / "tariffs-test.toml");
  const Baseline baseline = LoadBaseline("north-america");
  CompileOptions compile;
  compile.product_trace = false;
  const CompiledScenario compiled = CompileScenario(scenario, baseline, compile);
  const RunResult run = RunCounterfactual(ApplyScenarioSectors(baseline, compiled), compiled.shock,
                                          {}, compiled.metadata);
  Json expected = RunResultToJson(run);
  // Wall-clock time is the only field that differs between two runs of the same solve.
  expected["solver"].erase("seconds");
  const HttpReply reply = Solve(R"({"scenario": "tariffs-test"})");
  ASSERT_EQ(reply.status, 200) << reply.body;
  Json served = JsonOf(reply);
  EXPECT_EQ(served["schema"], "ricardo.run-result");
  EXPECT_TRUE(served["solver"]["converged"].get<bool>());
  served["solver"].erase("seconds");
  EXPECT_EQ(served, expected);

  const HttpReply dated = Solve(R"({"scenario": "tariffs-test", "date": "2025-11-01"})");
  ASSERT_EQ(dated.status, 200) << dated.body;
  Json warm = JsonOf(dated);
  EXPECT_TRUE(warm["solver"]["warm_start"].get<bool>());
  EXPECT_TRUE(warm["solver"]["converged"].get<bool>());
  warm.erase("solver");
  expected.erase("solver");
  ExpectClose(warm, expected, 1e-8, "$");
}

TEST(ServerApi, EditsChangeTheAnswer) {
  const Json base = JsonOf(Solve(R"({"scenario": "tariffs-test"})"));
  const Json no_retaliation =
      JsonOf(Solve(R"({"scenario": "tariffs-test", "tags": {"retaliation": false}})"));
  const Json surtax_off =
      JsonOf(Solve(R"({"scenario": "tariffs-test", "measures": {"ca-surtax": false}})"));
  const Json low_steel = JsonOf(Solve(R"({"scenario": "tariffs-test", "rates": {"s232-steel": 0.1}})"));
  auto welfare = [](const Json& j, const char* code) {
    return j["countries"][code]["welfare_pct"].get<double>();
  };
  // Switching the tag off is switching its one measure off.
  EXPECT_EQ(no_retaliation["countries"], surtax_off["countries"]);
  EXPECT_NE(welfare(no_retaliation, "CAN"), welfare(base, "CAN"));
  EXPECT_NE(welfare(low_steel, "USA"), welfare(base, "USA"));
  // A lower US steel tariff lowers the effective US tariff on Canadian goods.
  auto us_on = [](const Json& j, const char* exporter) {
    for (const Json& row : j["effective_tariffs"]) {
      if (row["importer"] == "USA" && row["exporter"] == exporter && row["sector"] == "_all") {
        return row["new_pct"].get<double>();
      }
    }
    return -1.0;
  };
  EXPECT_LT(us_on(low_steel, "MEX"), us_on(base, "MEX"));
}

TEST(ServerApi, TomlBodyGivesTheSameAnswerAsTheNamedScenario) {
  std::ifstream in(ServerTestData() / "scenarios" / "tariffs-test.toml");
  const std::string toml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const HttpReply reply =
      HttpRequest(SharedServer().port(), "POST", "/api/v1/solve?bilateral_sector=false", toml,
                  "application/toml");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const Json from_toml = JsonOf(reply);
  const Json named = JsonOf(Solve(R"({"scenario": "tariffs-test", "bilateral_sector": false})"));
  EXPECT_FALSE(from_toml.contains("bilateral_sector"));
  EXPECT_EQ(from_toml["countries"], named["countries"]);
}

TEST(ServerApi, UsmcaShareOverrideChangesTheAnswer) {
  const Json none = JsonOf(Solve(R"({"scenario": "tariffs-test", "usmca_share": 0})"));
  const Json all = JsonOf(Solve(R"({"scenario": "tariffs-test", "usmca_share": 1})"));
  // With every good qualifying, the IEEPA tariff on Canada (USMCA-excluded) charges nothing.
  EXPECT_NE(all["countries"]["CAN"]["welfare_pct"], none["countries"]["CAN"]["welfare_pct"]);
  EXPECT_GT(all["countries"]["CAN"]["welfare_pct"].get<double>(),
            none["countries"]["CAN"]["welfare_pct"].get<double>());
}

TEST(ServerApi, IdenticalRequestsAreAnsweredFromTheCache) {
  const std::string body = R"({"scenario": "tariffs-test", "rates": {"s232-steel": 0.37}})";
  const HttpReply first = Solve(body);
  // Same request, other formatting and key order.
  const HttpReply second = Solve(R"({ "rates": {"s232-steel": 0.37},  "scenario": "tariffs-test" })");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.headers.at("x-ricardo-cache"), "miss");
  EXPECT_EQ(second.headers.at("x-ricardo-cache"), "hit");
  EXPECT_EQ(first.body, second.body);
}

TEST(ServerApi, ServesManyRequestsOnOneKeepAliveConnection) {
  HttpConnection connection(SharedServer().port());
  for (int k = 0; k < 5; ++k) {
    connection.Send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(connection.Read().status, 200) << "request " << k;
  }
}

TEST(ServerApi, ExplainReturnsTheCompileTrace) {
  const HttpReply reply = HttpRequest(SharedServer().port(), "POST", "/api/v1/explain",
                                      R"({"scenario": "tariffs-test", "origin": "CAN"})");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const Json j = JsonOf(reply);
  EXPECT_EQ(j["date"], "2025-11-01");
  ASSERT_FALSE(j["pairs"].empty());
  for (const Json& pair : j["pairs"]) EXPECT_EQ(pair["exporter"], "CAN");
}

}  // namespace
}  // namespace ricardo::testing
