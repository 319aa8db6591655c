// The HTTP API over a real socket: endpoints, the solve document, edits, caching, keep-alive.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "fmt/format.h"
#include "ricardo/package.hpp"
#include "ricardo/run.hpp"
#include "ricardo/run_stamp.hpp"
#include "ricardo/scenario.hpp"
#include "server/server_fixture.hpp"
#include "test_support.hpp"

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

// The dashboard reads the bounds of its rate and share fields here (web/src/limits.ts) instead
// of holding a copy; they are the constants /solve checks its edits against.
TEST(ServerApi, LimitsAreTheBoundsSolveApplies) {
  const HttpReply reply = HttpRequest(SharedServer().port(), "GET", "/api/v1/limits");
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.headers.at("content-type"), "application/json");
  const Json j = JsonOf(reply);
  EXPECT_EQ(j["tariff_rate_max"].get<double>(), kMaxTariffRate);
  EXPECT_EQ(j["usmca_share_max"].get<double>(), kMaxUsmcaShare);
  // At the bound a rate edit is solved; just above it, refused.
  const auto edit = [](double rate) {
    return Solve(fmt::format(R"({{"scenario": "tariffs-test", "rates": {{"s232-steel": {}}}, )"
                             R"("bilateral_sector": false}})",
                             rate));
  };
  EXPECT_EQ(edit(kMaxTariffRate).status, 200);
  EXPECT_EQ(edit(kMaxTariffRate + 0.01).status, 400);
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
  const HttpReply one =
      HttpRequest(SharedServer().port(), "GET", "/api/v1/baselines/north-america");
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

  const HttpReply reply =
      HttpRequest(SharedServer().port(), "GET", "/api/v1/scenarios/tariffs-test");
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

// What differs between two runs of the same solve: the wall-clock time, and the stamp's time,
// command line and scenario hash (of the file's bytes for the CLI, of the canonical TOML text as
// compiled for the API; checked in SolveReturnsTheRunResultDocument).
void EraseRunSpecific(Json& j) {
  j["solver"].erase("seconds");
  for (const char* key : {"created_utc", "command_line", "scenario_sha256"}) j["stamp"].erase(key);
}

// The run-result document of `ricardo run FILE --format json`, without what differs between two
// runs of the same solve.
Json CliRunJson(const std::filesystem::path& file, const std::string& options = "") {
  const CommandResult run = RunCli("run " + file.string() + " --format json" + options);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  Json j = Json::parse(run.out);
  EraseRunSpecific(j);
  return j;
}

// The scenario file with `measure`'s `rate = ...` line replaced (the edit a user makes by hand).
std::filesystem::path EditedScenarioFile(const std::string& measure, const std::string& rate,
                                         const std::string& name) {
  std::ifstream in(ServerTestData() / "scenarios" / "tariffs-test.toml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t block = text.find("id = \"" + measure + "\"");
  const std::size_t line = text.find("\nrate = ", block);
  EXPECT_NE(block, std::string::npos);
  EXPECT_NE(line, std::string::npos);
  const std::size_t end = text.find('\n', line + 1);
  text.replace(line, end - line, "\nrate = " + rate);
  const std::filesystem::path file = MakeTempDirectory(name) / "tariffs-test.toml";
  std::ofstream(file) << text;
  return file;
}

// A slider edit (a rate edit of a named scenario) is evaluated on the server's kept compile of
// the scenario; the answer is `ricardo run` of the file edited by hand, bit for bit (every number
// of the document printed the same), for several edits at once too.
TEST(ServerApi, RateEditEqualsTheRunOfTheEditedFileBitForBit) {
  const Json one = JsonOf(Solve(R"({"scenario": "tariffs-test", "rates": {"s232-steel": 0.15}})"));
  Json served = one;
  ASSERT_TRUE(served["solver"]["converged"].get<bool>()) << served.dump();
  EXPECT_FALSE(served["solver"]["warm_start"].get<bool>());
  EraseRunSpecific(served);
  EXPECT_EQ(served, CliRunJson(EditedScenarioFile("s232-steel", "0.15", "rate_edit_one")));

  const HttpReply two =
      Solve(R"({"scenario": "tariffs-test", "rates": {"s232-steel": 0.0, "ca-surtax": 0.4}})");
  ASSERT_EQ(two.status, 200) << two.body;
  served = JsonOf(two);
  EraseRunSpecific(served);
  const std::filesystem::path steel = EditedScenarioFile("s232-steel", "0.0", "rate_edit_two");
  std::ifstream in(steel);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  const std::size_t block = text.find("id = \"ca-surtax\"");
  const std::size_t line = text.find("\nrate = ", block);
  ASSERT_NE(line, std::string::npos);
  text.replace(line, text.find('\n', line + 1) - line, "\nrate = 0.4");
  std::ofstream(steel) << text;
  EXPECT_EQ(served, CliRunJson(steel));
}

// The high-θ flags cost one more solve each: a request may leave them out (the dashboard does),
// and the answer is then `ricardo run --no-elasticity-flags` of the edited file, bit for bit;
// by default it has them, as `ricardo run` does.
TEST(ServerApi, ElasticityFlagsAreOnByDefaultAndCanBeLeftOut) {
  const Json flagged =
      JsonOf(Solve(R"({"scenario": "tariffs-test", "rates": {"s232-steel": 0.15}})"));
  ASSERT_TRUE(flagged.contains("elasticity_flags"));
  EXPECT_FALSE(flagged["elasticity_flags"].empty());  // petroleum, θ 64.85 on the test baseline
  Json lean = JsonOf(Solve(
      R"({"scenario": "tariffs-test", "rates": {"s232-steel": 0.15}, "elasticity_flags": false})"));
  EXPECT_TRUE(lean["elasticity_flags"].empty());
  EraseRunSpecific(lean);
  EXPECT_EQ(lean, CliRunJson(EditedScenarioFile("s232-steel", "0.15", "rate_edit_lean"),
                             " --no-elasticity-flags"));
  const HttpReply bad = Solve(R"({"scenario": "tariffs-test", "elasticity_flags": "no"})");
  EXPECT_EQ(bad.status, 400) << bad.body;
}

// The solve answer for a named scenario with nothing edited, or with any other edit (here the
// scenario's own date, which makes the server compile it in full), is RunResultToJson of the
// same run computed here with the library, exactly.
TEST(ServerApi, SolveReturnsTheRunResultDocument) {
  const Scenario scenario = LoadScenario(ServerTestData() / "scenarios" / "tariffs-test.toml");
  const Baseline baseline = LoadBaseline("north-america");
  CompileOptions compile;
  compile.product_trace = false;
  const RunResult run = RunCompiled(CompileScenario(scenario, baseline, compile));
  Json expected = RunResultToJson(run);
  // Wall-clock time is the only field that differs between two runs of the same solve.
  EraseRunSpecific(expected);
  const HttpReply reply = Solve(R"({"scenario": "tariffs-test"})");
  ASSERT_EQ(reply.status, 200) << reply.body;
  Json served = JsonOf(reply);
  EXPECT_EQ(served["schema"], "ricardo.run-result");
  // The stamp says where the answer comes from: the method and path, the canonical TOML text of
  // the scenario as compiled, the baseline package (the library run here has neither).
  EXPECT_EQ(served["stamp"]["command_line"], "POST /api/v1/solve");
  EXPECT_EQ(served["stamp"]["scenario_sha256"], Sha256Hex(ScenarioToToml(scenario)));
  EXPECT_EQ(served["stamp"]["baseline_sha256"], PackageSha256(ResolveBaseline("north-america")));
  EXPECT_EQ(served["stamp"]["program"], expected["stamp"]["program"]);
  served["stamp"].erase("baseline_sha256");
  expected["stamp"].erase("baseline_sha256");
  EXPECT_TRUE(served["solver"]["converged"].get<bool>());
  EraseRunSpecific(served);
  EXPECT_EQ(served, expected);

  const HttpReply dated = Solve(R"({"scenario": "tariffs-test", "date": "2025-11-01"})");
  ASSERT_EQ(dated.status, 200) << dated.body;
  Json full = JsonOf(dated);
  EraseRunSpecific(full);
  full["stamp"].erase("baseline_sha256");
  EXPECT_EQ(full, expected);
}

TEST(ServerApi, EditsChangeTheAnswer) {
  const Json base = JsonOf(Solve(R"({"scenario": "tariffs-test"})"));
  const Json no_retaliation =
      JsonOf(Solve(R"({"scenario": "tariffs-test", "tags": {"retaliation": false}})"));
  const Json surtax_off =
      JsonOf(Solve(R"({"scenario": "tariffs-test", "measures": {"ca-surtax": false}})"));
  const Json low_steel =
      JsonOf(Solve(R"({"scenario": "tariffs-test", "rates": {"s232-steel": 0.1}})"));
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
  const HttpReply second =
      Solve(R"({ "rates": {"s232-steel": 0.37},  "scenario": "tariffs-test" })");
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
