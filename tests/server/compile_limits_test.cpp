// Issue 11: compiling and explaining are bounded like solving, on a running server: a scenario
// over the measure limit is refused with a located 422, a compile past --solve-time-limit stops
// with a 422 (for /solve and /explain), and an explanation of hundreds of measures stacking on
// every product answers in a bounded size; the server keeps serving after each.
#include <gtest/gtest.h>

#include <string>

#include "server/server_fixture.hpp"

namespace ricardo::testing {
namespace {

// N all-goods IEEPA measures on US imports from Canada, every one stacking with the others.
std::string Overlapping(int n) {
  std::string text = "name = \"overlapping\"\nbaseline = \"north-america\"\ndate = 2025-11-01\n\n";
  for (int k = 0; k < n; ++k) {
    text += "[[measures]]\nid = \"m" + std::to_string(k) +
            "\"\nauthority = \"ieepa\"\nimporter = \"USA\"\norigins = [\"CAN\"]\n"
            "scope = { all_goods = true }\nrate = 0.001\nfrom = 2025-01-01\nstacks_with = "
            "[\"@ieepa\"]\n\n";
  }
  return text;
}

ServerOptions LargeBodies() {
  ServerOptions options = TestServerOptions();
  options.max_body_bytes = 1 << 20;
  return options;
}

TEST(ServerCompileLimits, MoreMeasuresThanTheLimitGet422LocatedAtTheFirstOneBeyond) {
  Server server(LargeBodies());
  server.Start();
  const HttpReply reply =
      HttpRequest(server.port(), "POST", "/api/v1/solve", Overlapping(2001), "application/toml");
  EXPECT_EQ(reply.status, 422) << reply.body.substr(0, 400);
  const nlohmann::json j = JsonOf(reply);
  EXPECT_EQ(j["error"]["kind"], "limit exceeded");
  EXPECT_NE(ErrorMessage(reply).find("2001 measures; the limit is 2000 measures per scenario"),
            std::string::npos)
      << ErrorMessage(reply);
  EXPECT_EQ(j["error"]["location"]["line"], 5 + 2000 * 10) << j["error"].dump();
  EXPECT_EQ(HttpRequest(server.port(), "GET", "/api/v1/health").status, 200);
}

TEST(ServerCompileLimits, ACompilePastTheTimeLimitGets422ForSolveAndExplain) {
  ServerOptions options = LargeBodies();
  options.solve_time_limit_seconds = 1e-6;  // any compile takes longer
  Server server(options);
  server.Start();
  for (const char* path : {"/api/v1/solve", "/api/v1/explain"}) {
    const HttpReply reply =
        HttpRequest(server.port(), "POST", path, Overlapping(50), "application/toml");
    EXPECT_EQ(reply.status, 422) << path << ": " << reply.body.substr(0, 400);
    EXPECT_EQ(JsonOf(reply)["error"]["kind"], "limit exceeded") << path;
    EXPECT_TRUE(ErrorMessage(reply).find("compiling stopped after ") != std::string::npos &&
                ErrorMessage(reply).find("the limit is 1e-06 s") != std::string::npos)
        << path << ": " << ErrorMessage(reply);
  }
  EXPECT_EQ(HttpRequest(server.port(), "GET", "/api/v1/health").status, 200);
}

TEST(ServerCompileLimits, AnExplanationOfHundredsOfStackingMeasuresIsBounded) {
  Server server(LargeBodies());
  server.Start();
  const HttpReply reply =
      HttpRequest(server.port(), "POST", "/api/v1/explain", Overlapping(250), "application/toml");
  ASSERT_EQ(reply.status, 200) << reply.body.substr(0, 400);
  // Before the limit: some 4 million trace lines, 422 MB. Now at most 100,000 lines.
  EXPECT_LT(reply.body.size(), 64u << 20);
  const nlohmann::json j = JsonOf(reply);
  ASSERT_TRUE(j.contains("product_lines")) << reply.body.substr(0, 400);
  EXPECT_EQ(j["product_lines"]["limit"], 100000);
  EXPECT_LE(j["product_lines"]["shown"].get<long>(), 100000);
  EXPECT_GT(j["product_lines"]["left_out"].get<long>(), 0);
  EXPECT_EQ(HttpRequest(server.port(), "GET", "/api/v1/health").status, 200);
}

}  // namespace
}  // namespace ricardo::testing
