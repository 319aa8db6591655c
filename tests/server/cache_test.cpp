// The result cache is keyed by the request as sent (docs/api.md): a changed scenario file must
// not be answered from the cache, and invalid requests are never cached.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <string>

#include "server/server_fixture.hpp"
#include "test_support.hpp"

namespace ricardo::testing {
namespace {

std::string ReadText(const std::filesystem::path& file) {
  std::ifstream in(file);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(ServerCache, AnEditedScenarioFileIsSolvedAgain) {
  const auto directory = MakeTempDirectory("server_cache_edit");
  const auto file = directory / "tariffs-test.toml";
  const std::string original = ReadText(ServerTestData() / "scenarios" / "tariffs-test.toml");
  std::ofstream(file) << original;
  ServerOptions options = TestServerOptions();
  options.scenario_directory = directory;
  Server server(options);
  server.Start();
  const std::string body = R"({"scenario": "tariffs-test", "bilateral_sector": false})";

  const HttpReply first = HttpRequest(server.port(), "POST", "/api/v1/solve", body);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(HttpRequest(server.port(), "POST", "/api/v1/solve", body).headers.at("x-ricardo-cache"),
            "hit");

  // The steel rate 0.5 becomes 0.1; the file's time moves on even on a coarse clock.
  std::string edited = original;
  const auto at = edited.find("rate = 0.5");
  ASSERT_NE(at, std::string::npos);
  edited.replace(at, 10, "rate = 0.1");
  const auto before = std::filesystem::last_write_time(file);
  std::ofstream(file) << edited;
  std::filesystem::last_write_time(file, before + std::chrono::seconds(2));

  const HttpReply second = HttpRequest(server.port(), "POST", "/api/v1/solve", body);
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.headers.at("x-ricardo-cache"), "miss");
  EXPECT_NE(JsonOf(second)["countries"]["USA"], JsonOf(first)["countries"]["USA"]);
}

TEST(ServerCache, InvalidRequestsAreNotCached) {
  const std::string body = R"({"scenario": "tariffs-test", "rates": {"s232-steel": 7}})";
  const std::string message =
      "request body: rates.s232-steel: rate 7 for measure 's232-steel' is out of range (rates "
      "are fractions from 0 to 5 (0.25 = 25%))";
  for (int k = 0; k < 2; ++k) {
    const HttpReply reply = HttpRequest(SharedServer().port(), "POST", "/api/v1/solve", body);
    EXPECT_EQ(reply.status, 400) << "request " << k;
    EXPECT_EQ(ErrorMessage(reply), message) << "request " << k;
    EXPECT_EQ(reply.headers.count("x-ricardo-cache"), 0u) << "request " << k;
  }
}

}  // namespace
}  // namespace ricardo::testing
