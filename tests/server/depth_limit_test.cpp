// Nesting depth over a real socket (issue 11): one POST of `[` × 100,000 used to overflow the
// JSON parser's stack and take `ricardo serve` down. Bodies nested deeper than 64 levels — JSON,
// scenario TOML sent as application/toml, or TOML inside a JSON "scenario_toml" string — get a
// 400 located at the first bracket beyond the limit, and the server keeps answering.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "server/server_fixture.hpp"

namespace ricardo::testing {
namespace {

constexpr const char* kDepthMessage =
    "the document nests deeper than the limit of 64 levels (flatten it; real scenarios nest "
    "arrays, tables and objects fewer than 10 levels deep)";

std::string Repeat(const std::string& s, int times) {
  std::string out;
  out.reserve(s.size() * static_cast<std::size_t>(times));
  for (int k = 0; k < times; ++k) out += s;
  return out;
}

// The shared test server takes 64 KiB bodies; these need 1 MiB (the default limit), so that the
// 200 KB body of the report reaches the parser instead of being refused for its size.
Server& DepthServer() {
  static std::unique_ptr<Server> server = [] {
    ServerOptions options = TestServerOptions();
    options.max_body_bytes = 1 << 20;
    auto s = std::make_unique<Server>(options);
    s->Start();
    return s;
  }();
  return *server;
}

void ExpectStillServing(int port) {
  EXPECT_EQ(HttpRequest(port, "GET", "/api/v1/health").status, 200);
}

TEST(ServerDepthLimit, DeepArrayBodyGets400AndTheServerStaysUp) {
  const int port = DepthServer().port();
  const std::string body = Repeat("[", 100000) + Repeat("]", 100000);  // the 200 KB of the report
  for (const char* path : {"/api/v1/solve", "/api/v1/explain"}) {
    SCOPED_TRACE(path);
    const HttpReply reply = HttpRequest(port, "POST", path, body);
    EXPECT_EQ(reply.status, 400) << reply.body.substr(0, 400);
    EXPECT_EQ(ErrorMessage(reply), std::string("request body:1:65: ") + kDepthMessage);
    ExpectStillServing(port);
  }
}

TEST(ServerDepthLimit, DeepObjectBodyGets400) {
  const int port = DepthServer().port();
  const std::string body =
      "{\"scenario\": " + Repeat("{\"a\": ", 100000) + "1" + Repeat("}", 100000) + "}";
  const HttpReply reply = HttpRequest(port, "POST", "/api/v1/solve", body);
  EXPECT_EQ(reply.status, 400) << reply.body.substr(0, 400);
  // The 65th '{': 1 + "{\"scenario\": " (13) + 63 × "{\"a\": " (6).
  EXPECT_EQ(ErrorMessage(reply), std::string("request body:1:392: ") + kDepthMessage);
  ExpectStillServing(port);
}

TEST(ServerDepthLimit, DeepTomlBodiesGet400) {
  const int port = DepthServer().port();
  const std::string toml =
      "name = \"deep\"\nrate = " + Repeat("[", 100000) + Repeat("]", 100000) + "\n";
  const HttpReply as_toml = HttpRequest(port, "POST", "/api/v1/solve", toml, "application/toml");
  EXPECT_EQ(as_toml.status, 400) << as_toml.body.substr(0, 400);
  EXPECT_EQ(ErrorMessage(as_toml), std::string("request body:2:72: ") + kDepthMessage);

  std::string key = "a";
  for (int k = 1; k < 100000; ++k) key += ".a";
  const HttpReply dotted = HttpRequest(port, "POST", "/api/v1/solve",
                                       "name = \"deep\"\n[" + key + "]\n", "application/toml");
  EXPECT_EQ(dotted.status, 400) << dotted.body.substr(0, 400);
  EXPECT_EQ(ErrorMessage(dotted), std::string("request body:2:130: ") + kDepthMessage);

  // TOML inside a JSON string: the brackets are text to the JSON scanner, depth to the TOML one.
  const nlohmann::json request = {{"scenario_toml", toml}};
  const HttpReply in_json = HttpRequest(port, "POST", "/api/v1/solve", request.dump());
  EXPECT_EQ(in_json.status, 400) << in_json.body.substr(0, 400);
  EXPECT_EQ(ErrorMessage(in_json), std::string("scenario_toml:2:72: ") + kDepthMessage);
  ExpectStillServing(port);
}

TEST(ServerDepthLimit, AtTheLimitTheBodyReachesTheRequestChecks) {
  const int port = DepthServer().port();
  // 64 levels parse; the request is then refused for what it is, not for its depth.
  const HttpReply at_limit =
      HttpRequest(port, "POST", "/api/v1/solve", Repeat("[", 64) + Repeat("]", 64));
  EXPECT_EQ(at_limit.status, 400);
  EXPECT_EQ(ErrorMessage(at_limit).find("nests deeper"), std::string::npos)
      << ErrorMessage(at_limit);
  const HttpReply over =
      HttpRequest(port, "POST", "/api/v1/solve", Repeat("[", 65) + Repeat("]", 65));
  EXPECT_EQ(over.status, 400);
  EXPECT_EQ(ErrorMessage(over), std::string("request body:1:65: ") + kDepthMessage);
}

TEST(ServerDepthLimit, BracketsInsideStringsDoNotCount) {
  const int port = DepthServer().port();
  // A valid request whose scenario title is 10,000 brackets solves.
  const std::string toml =
      "name = \"brackets\"\ntitle = \"" + Repeat("[{", 5000) +
      "\"\nbaseline = \"north-america\"\ndate = 2025-11-01\n\n[[measures]]\nid = \"m\"\n"
      "authority = \"section_232\"\nimporter = \"USA\"\norigins = [\"ALL\"]\n"
      "scope = { hs = [\"72\"] }\nrate = 0.5\n";
  const nlohmann::json request = {{"scenario_toml", toml}, {"bilateral_sector", false}};
  const HttpReply reply = HttpRequest(port, "POST", "/api/v1/solve", request.dump());
  EXPECT_EQ(reply.status, 200) << reply.body.substr(0, 400);
  ExpectStillServing(port);
}

}  // namespace
}  // namespace ricardo::testing
