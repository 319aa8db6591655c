// POST /api/v1/draws: the solve with Monte Carlo bands, its request checks, its limits, and its
// worker of its own (a draws job does not hold up the sliders' solves).
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <future>
#include <iterator>
#include <thread>
#include <vector>

#include "fmt/format.h"
#include "ricardo/server.hpp"
#include "server/server_fixture.hpp"
#include "test_support.hpp"

namespace ricardo::testing {
namespace {

using Json = nlohmann::json;

HttpReply Draws(int port, const std::string& body) {
  return HttpRequest(port, "POST", "/api/v1/draws", body);
}
HttpReply Draws(const std::string& body) {
  return Draws(SharedServer().port(), body);
}

// What differs between two runs of the same draws: wall-clock times, the command line and the
// scenario's hash (of the file's bytes for the CLI, of the canonical TOML text for the API).
void EraseRunSpecific(Json& j) {
  j["solver"].erase("seconds");
  for (const char* key : {"created_utc", "command_line", "scenario_sha256", "baseline_sha256"})
    j["stamp"].erase(key);
}

// Every band of the answer is ordered, for every region and indicator.
void ExpectOrderedBands(const Json& answer) {
  ASSERT_TRUE(answer.contains("countries")) << answer.dump().substr(0, 400);
  for (const auto& [code, country] : answer["countries"].items()) {
    ASSERT_TRUE(country.contains("bands")) << code;
    for (const char* indicator : {"welfare_pct", "real_wage_pct", "exports_pct", "imports_pct"}) {
      const Json& band = country["bands"][indicator];
      ASSERT_TRUE(band.is_object()) << code << " " << indicator;
      const double p05 = band["p05"], p50 = band["p50"], p95 = band["p95"];
      EXPECT_LE(p05, p50) << code << " " << indicator;
      EXPECT_LE(p50, p95) << code << " " << indicator;
    }
    // The draws move the outcomes: the welfare band has a width.
    EXPECT_LT(country["bands"]["welfare_pct"]["p05"].get<double>(),
              country["bands"]["welfare_pct"]["p95"].get<double>())
        << code;
  }
}

TEST(ServerDraws, GiveOrderedBandsAroundTheSolveOfTheSameEdits) {
  const HttpReply reply =
      Draws(R"({"scenario": "tariffs-test", "rates": {"s232-steel": 0.25}, "draws": 40, "seed": 3,)"
            R"( "bilateral_sector": false})");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.headers.at("x-ricardo-cache"), "miss");
  const Json answer = JsonOf(reply);
  ExpectOrderedBands(answer);
  EXPECT_EQ(answer["stamp"]["command_line"], "POST /api/v1/draws");
  const Json& u = answer["uncertainty"];
  EXPECT_EQ(u["draws"], 40);
  EXPECT_EQ(u["seed"], 3);
  EXPECT_EQ(u["non_converged"], 0);
  EXPECT_EQ(u["sentence"],
            "Bands are the 5th to 95th percentiles over 40 draws of the trade elasticities and "
            "the USMCA utilisation shares: the uncertainty of these parameters, not a forecast "
            "interval (the model, its data and the measures are held fixed).");
  // The run's own values are those of /solve with the same edits.
  const Json solved = JsonOf(HttpRequest(
      SharedServer().port(), "POST", "/api/v1/solve",
      R"({"scenario": "tariffs-test", "rates": {"s232-steel": 0.25}, "bilateral_sector": false})"));
  for (const auto& [code, country] : solved["countries"].items()) {
    EXPECT_EQ(answer["countries"][code]["welfare_pct"], country["welfare_pct"]) << code;
    EXPECT_EQ(answer["countries"][code]["real_wage_pct"], country["real_wage_pct"]) << code;
  }
  // Asked again: from the cache, the same document.
  const HttpReply again =
      Draws(R"({"seed": 3, "draws": 40, "scenario": "tariffs-test", "rates": {"s232-steel": 0.25},)"
            R"( "bilateral_sector": false})");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.headers.at("x-ricardo-cache"), "hit");
  EXPECT_EQ(again.body, reply.body);
}

// The answer is `ricardo run --draws N --seed S --format json` of the file edited by hand, every
// number the same: the draws are solved on one thread here and on every core there, and draw k
// does not depend on who solves it.
TEST(ServerDraws, EqualTheRunOfTheEditedFileWithTheSameDrawsAndSeed) {
  std::ifstream in(ServerTestData() / "scenarios" / "tariffs-test.toml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t at = text.find("\nrate = 0.5\n");  // s232-steel's
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 12, "\nrate = 0.25\n");
  const std::filesystem::path file = MakeTempDirectory("draws_edited") / "tariffs-test.toml";
  std::ofstream(file) << text;
  const CommandResult run =
      RunCli("run " + file.string() + " --draws 25 --seed 7 --format json --no-elasticity-flags");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json expected = Json::parse(run.out);
  const HttpReply reply =
      Draws(R"({"scenario": "tariffs-test", "rates": {"s232-steel": 0.25}, "draws": 25,)"
            R"( "seed": 7, "elasticity_flags": false})");
  ASSERT_EQ(reply.status, 200) << reply.body;
  Json served = JsonOf(reply);
  EraseRunSpecific(served);
  EraseRunSpecific(expected);
  EXPECT_EQ(served, expected);
}

TEST(ServerDraws, DefaultsAreTheLimitsDefaultAndSeedOne) {
  const Json limits = JsonOf(HttpRequest(SharedServer().port(), "GET", "/api/v1/limits"));
  EXPECT_EQ(limits["draws_max"], kMaxRequestDraws);
  EXPECT_EQ(limits["draws_default"], kDefaultRequestDraws);
  const HttpReply reply = Draws(R"({"scenario": "tariffs-test", "bilateral_sector": false})");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const Json answer = JsonOf(reply);
  EXPECT_EQ(answer["uncertainty"]["draws"], kDefaultRequestDraws);
  EXPECT_EQ(answer["uncertainty"]["seed"], 1);
  ExpectOrderedBands(answer);
}

// Bad draws and seeds get located 400s with exact messages, before anything is computed.
TEST(ServerDraws, RefuseBadDrawsAndSeedsWithLocatedMessages) {
  const std::string fix = fmt::format(
      "ask for 1 to {} draws, the draws_max of GET /api/v1/limits; for more, use `ricardo run "
      "--draws N`",
      kMaxRequestDraws);
  const std::string max_seed = "18446744073709551615";
  struct Case {
    std::string fields, message;
  };
  const std::vector<Case> cases = {
      {R"("draws": 0)", "request body: draws: 0 draws asked for (" + fix + ")"},
      {R"("draws": -3)", "request body: draws: -3 draws asked for (" + fix + ")"},
      {fmt::format(R"("draws": {})", kMaxRequestDraws + 1),
       fmt::format("request body: draws: {} draws is more than the limit of {} ({})",
                   kMaxRequestDraws + 1, kMaxRequestDraws, fix)},
      {R"("draws": 99999999999999999999)",
       fmt::format("request body: draws: expected a whole number of draws, got 1e+20 ({})", fix)},
      {R"("draws": "many")",
       "request body: draws: expected a whole number of draws, got string (" + fix + ")"},
      {R"("draws": 2.5)",
       "request body: draws: expected a whole number of draws, got 2.5 (" + fix + ")"},
      {R"("seed": -1)", "request body: seed: expected a whole number from 0 to " + max_seed +
                            ", got -1 (give e.g. 1)"},
      {R"("seed": "1")", "request body: seed: expected a whole number from 0 to " + max_seed +
                             ", got string (give e.g. 1)"},
      {R"("seed": 1.5)", "request body: seed: expected a whole number from 0 to " + max_seed +
                             ", got 1.5 (give e.g. 1)"},
  };
  for (const Case& c : cases) {
    const HttpReply reply = Draws(R"({"scenario": "tariffs-test", )" + c.fields + "}");
    EXPECT_EQ(reply.status, 400) << c.fields;
    EXPECT_EQ(ErrorMessage(reply), c.message) << c.fields;
    const Json error = JsonOf(reply)["error"];
    EXPECT_EQ(error["kind"], "invalid request") << c.fields;
    EXPECT_EQ(error["location"]["field"], c.fields.substr(1, c.fields.find('"', 1) - 1));
  }
  // The same checks on a TOML body's query string.
  std::ifstream in(ServerTestData() / "scenarios" / "tariffs-test.toml");
  const std::string toml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const HttpReply query = HttpRequest(SharedServer().port(), "POST", "/api/v1/draws?draws=abc",
                                      toml, "application/toml");
  EXPECT_EQ(query.status, 400);
  EXPECT_EQ(ErrorMessage(query),
            "query: draws: 'abc' is not a whole number of draws (" + fix + ")");
  // A misspelt key is refused with a suggestion; /solve does not take draws.
  EXPECT_EQ(ErrorMessage(Draws(R"({"scenario": "tariffs-test", "draw": 10})")),
            "request body: draw: unknown key 'draw' (did you mean 'draws'?) (keys of a draws "
            "request: baseline, scenario, scenario_toml, date, rates, measures, tags, "
            "usmca_share, bilateral_sector, elasticity_flags, draws, seed)");
  EXPECT_EQ(HttpRequest(SharedServer().port(), "POST", "/api/v1/solve",
                        R"({"scenario": "tariffs-test", "draws": 10})")
                .status,
            400);
}

// Waits until GET /api/v1/health shows `running` draws jobs computing and `waiting` in line.
void AwaitDrawJobs(int port, int running, int waiting) {
  for (int k = 0; k < 3000; ++k) {
    const Json health = JsonOf(HttpRequest(port, "GET", "/api/v1/health"));
    if (health["draws"]["running"] == running && health["draws"]["waiting"] == waiting) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  FAIL() << "the draws jobs never reached " << running << " running, " << waiting << " waiting";
}

// A draws job runs on a worker of its own: while it computes, slider solves are answered (the
// job is still running after they are), and once it and kMaxWaitingDrawRequests more are in
// line, one more draws request is refused with 503.
TEST(ServerDraws, RunOnTheirOwnWorkerAndRefuseBeyondTheLine) {
  Server server(TestServerOptions());
  server.Start();
  const int port = server.port();
  // The first job is long (a second or two); those that wait behind it need not be.
  const auto job = [port](int draws, int seed) {
    return std::async(std::launch::async, [port, draws, seed] {
      return Draws(port, fmt::format(R"({{"scenario": "tariffs-test", "draws": {}, "seed": {},)"
                                     R"( "bilateral_sector": false}})",
                                     draws, seed));
    });
  };
  std::vector<std::future<HttpReply>> jobs;
  jobs.push_back(job(kMaxRequestDraws, 1));
  AwaitDrawJobs(port, 1, 0);
  for (double rate : {0.1, 0.2, 0.3}) {
    const HttpReply solved = HttpRequest(
        port, "POST", "/api/v1/solve",
        fmt::format(R"({{"scenario": "tariffs-test", "rates": {{"s232-steel": {}}}}})", rate));
    EXPECT_EQ(solved.status, 200) << solved.body;
  }
  const Json health = JsonOf(HttpRequest(port, "GET", "/api/v1/health"));
  EXPECT_EQ(health["draws"]["running"], 1) << "the draws job ended before the solves: "
                                           << "this test needs a longer job";
  for (int seed = 2; seed < 2 + kMaxWaitingDrawRequests; ++seed) jobs.push_back(job(5, seed));
  AwaitDrawJobs(port, 1, kMaxWaitingDrawRequests);
  const HttpReply refused = Draws(port, R"({"scenario": "tariffs-test", "draws": 5, "seed": 99})");
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(ErrorMessage(refused),
            fmt::format("a draws request is being computed and {} more are waiting (retry when "
                        "it is done; GET /api/v1/health says how many are waiting)",
                        kMaxWaitingDrawRequests));
  for (auto& job : jobs) EXPECT_EQ(job.get().status, 200);
}

// The draws stop at the server's solve time limit with a located 422, instead of holding the
// draws worker for as long as a request asks.
TEST(ServerDraws, StopAtTheTimeLimit) {
  ServerOptions options = TestServerOptions();
  options.solve_time_limit_seconds = 0.25;
  Server server(options);
  server.Start();
  const HttpReply reply =
      Draws(server.port(),
            fmt::format(R"({{"scenario": "tariffs-test", "draws": {}}})", kMaxRequestDraws));
  ASSERT_EQ(reply.status, 422) << reply.body;
  const Json error = JsonOf(reply)["error"];
  EXPECT_EQ(error["kind"], "limit exceeded");
  EXPECT_EQ(error["location"]["field"], "draws");
  const std::string message = error["message"];
  EXPECT_TRUE(
      message.starts_with("request body: draws: the draws stopped at the time limit of "
                          "0.25 s after "))
      << message;
  EXPECT_TRUE(message.ends_with(fmt::format(
      " of {} (ask for fewer draws, or run `ricardo run --draws N` for a study that size)",
      kMaxRequestDraws)))
      << message;
}

}  // namespace
}  // namespace ricardo::testing
