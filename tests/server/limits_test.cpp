// Limits and faults over a real socket: stalled requests (408), a full solve queue (503), a
// solve over its time limit (422), a fault on the server's side (500), a malformed request line
// (400), and the dashboard's static files. After each, the server keeps serving.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <future>
#include <optional>
#include <thread>
#include <vector>

#include "ricardo/error.hpp"
#include "server/server_fixture.hpp"
#include "server/solve_workers.hpp"
#include "test_support.hpp"

namespace ricardo::testing {
namespace {

using Json = nlohmann::json;

void ExpectStillServing(int port) {
  EXPECT_EQ(HttpRequest(port, "GET", "/api/v1/health").status, 200);
}

TEST(ServerLimits, StalledBodyGets408) {
  const int port = SharedServer().port();
  HttpConnection connection(port);
  connection.Send(
      "POST /api/v1/solve HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 40\r\n\r\n{\"scenario\": ");
  const HttpReply reply = connection.Read();  // after the 1 s read timeout of the test server
  EXPECT_EQ(reply.status, 408) << reply.body;
  EXPECT_EQ(ErrorMessage(reply),
            "body: the request body stopped after 13 of 40 bytes for 1 s "
            "(send the whole body promptly, with a Content-Length that "
            "matches it)");
  ExpectStillServing(port);
}

// The body limit holds whatever the framing: a chunked body is stopped at the limit (64 KiB on
// the test server) and answered 413, instead of being read whole; one under the limit is read.
std::string Chunked(const std::string& body, std::size_t chunk_bytes) {
  std::string out;
  for (std::size_t at = 0; at < body.size(); at += chunk_bytes) {
    const std::string piece = body.substr(at, chunk_bytes);
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
    out += size + piece + "\r\n";
  }
  return out + "0\r\n\r\n";
}

TEST(ServerLimits, ChunkedBodyOverTheLimitGets413) {
  const int port = SharedServer().port();
  HttpConnection connection(port);
  const std::string head =
      "POST /api/v1/solve HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  // 4 MiB of JSON whitespace around a valid request: far over the limit.
  const std::string body = std::string(4 << 20, ' ') + R"({"scenario": "tariffs-test"})";
  connection.Send(head + Chunked(body, 16 * 1024));
  const HttpReply reply = connection.Read();
  EXPECT_EQ(reply.status, 413) << reply.body;
  EXPECT_EQ(
      ErrorMessage(reply),
      "body: the request body is larger than the limit of 65536 bytes (it was stopped there) "
      "(send a smaller scenario; the limit is ServerOptions::max_body_bytes (--max-body-bytes))");
  ExpectStillServing(port);

  HttpConnection small(port);
  small.Send(head + Chunked(R"({"scenario": "tariffs-test", "bilateral_sector": false})", 7));
  const HttpReply solved = small.Read();
  EXPECT_EQ(solved.status, 200) << solved.body;
}

TEST(ServerLimits, StalledHeadersGet408) {
  const int port = SharedServer().port();
  HttpConnection connection(port);
  connection.Send("POST /api/v1/solve HTTP/1.1\r\nHost: x\r\nContent-Ty");
  const HttpReply reply = connection.Read();
  EXPECT_EQ(reply.status, 408) << reply.body;
  EXPECT_EQ(ErrorMessage(reply),
            "headers: the request headers did not complete within 1 s "
            "(send the request line and headers, ended by an empty line, "
            "promptly)");
  ExpectStillServing(port);
}

// A request line that stalls is answered 408 (as headers that did not complete) and closed.
TEST(ServerLimits, StalledRequestLineIsDropped) {
  const int port = SharedServer().port();
  HttpConnection connection(port);
  connection.Send("POST /api/v1/so");
  EXPECT_TRUE(connection.ClosedWithin(10.0));
  ExpectStillServing(port);
}

TEST(ServerLimits, MalformedRequestLineGets400) {
  const int port = SharedServer().port();
  HttpConnection connection(port);
  connection.Send("THIS IS NOT HTTP\r\n\r\n");
  const HttpReply reply = connection.Read();
  EXPECT_EQ(reply.status, 400) << reply.body;
  EXPECT_EQ(ErrorMessage(reply),
            "malformed HTTP request: the request line or a header could not "
            "be parsed (send an HTTP/1.1 request such as 'POST /api/v1/solve "
            "HTTP/1.1')");
  ExpectStillServing(port);
}

TEST(ServerLimits, FullSolveQueueGets503) {
  ServerOptions options = TestServerOptions();
  options.max_concurrent_solves = 1;
  options.max_waiting_solves = 0;
  options.cache_entries = 0;
  Server server(options);
  server.Start();
  // Distinct requests at once: one solves, the others find the slot taken and no room to wait.
  constexpr int kRequests = 8;
  std::vector<HttpReply> replies(kRequests);
  std::vector<std::thread> clients;
  for (int k = 0; k < kRequests; ++k) {
    clients.emplace_back([&, k] {
      const std::string body = R"({"scenario": "tariffs-test", "bilateral_sector": false, )"
                               R"("rates": {"s232-steel": )" +
                               std::to_string(0.1 + 0.01 * k) + "}}";
      replies[k] = HttpRequest(server.port(), "POST", "/api/v1/solve", body);
    });
  }
  for (auto& c : clients) c.join();
  int ok = 0, busy = 0;
  for (const HttpReply& reply : replies) {
    if (reply.status == 200) ++ok;
    if (reply.status == 503) {
      ++busy;
      EXPECT_EQ(ErrorMessage(reply), "too many solves are waiting (retry in a moment)");
    }
  }
  EXPECT_EQ(ok + busy, kRequests);
  EXPECT_GE(ok, 1);
  EXPECT_GE(busy, 1);
  const Json health = JsonOf(HttpRequest(server.port(), "GET", "/api/v1/health"));
  EXPECT_EQ(health["solves"]["refused"], busy);
  // The queue drains: the next request is solved. A client has its answer just before the worker
  // finishes its bookkeeping, and with no room to wait a request in that instant is refused:
  // wait (bounded) until the worker is free.
  for (int poll = 0; poll < 200; ++poll) {
    if (JsonOf(HttpRequest(server.port(), "GET", "/api/v1/health"))["solves"]["running"] == 0)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(
      HttpRequest(server.port(), "POST", "/api/v1/solve", R"({"scenario": "tariffs-test"})").status,
      200);
}

TEST(ServerLimits, SolveOverItsTimeLimitGets422WithTheSolverMessage) {
  ServerOptions options = TestServerOptions();
  options.solve_time_limit_seconds = 1e-9;
  Server server(options);
  server.Start();
  const HttpReply reply =
      HttpRequest(server.port(), "POST", "/api/v1/solve", R"({"scenario": "tariffs-test"})");
  EXPECT_EQ(reply.status, 422) << reply.body.substr(0, 300);
  const Json j = JsonOf(reply);
  EXPECT_EQ(j["error"]["kind"], "not converged");
  EXPECT_TRUE(ErrorMessage(reply).starts_with("the solver stopped without converging: "));
  EXPECT_EQ(j["result"]["solver"]["termination"], "time limit");
  EXPECT_FALSE(j["result"]["solver"]["converged"].get<bool>());
  // Not cached: a time limit may not be hit next time.
  EXPECT_EQ(JsonOf(HttpRequest(server.port(), "GET", "/api/v1/health"))["cache"]["entries"], 0);
}

// A fault on the server's side (here: a broken baseline package it was given) is a 500 with the
// located message, and the server answers the next request.
TEST(ServerLimits, BrokenBaselineGets500AndTheServerKeepsServing) {
  const auto broken = MakeTempDirectory("server-broken-baseline");
  std::ofstream(broken / "manifest.toml") << "name = \"broken\"\nformat_version = [\n";
  ServerOptions options = TestServerOptions();
  options.extra_baselines["broken"] = broken;
  Server server(options);
  server.Start();
  const HttpReply reply = HttpRequest(server.port(), "POST", "/api/v1/solve",
                                      R"({"scenario": "tariffs-test", "baseline": "broken"})");
  EXPECT_EQ(reply.status, 500) << reply.body;
  const Json j = JsonOf(reply);
  EXPECT_EQ(j["error"]["kind"], "data error");
  EXPECT_NE(ErrorMessage(reply).find("manifest.toml:"), std::string::npos) << reply.body;
  // The listing reports the broken package instead of failing.
  const Json list = JsonOf(HttpRequest(server.port(), "GET", "/api/v1/baselines"));
  bool listed = false;
  for (const Json& b : list["baselines"]) listed |= b["name"] == "broken" && b.contains("error");
  EXPECT_TRUE(listed) << list.dump();
  EXPECT_EQ(
      HttpRequest(server.port(), "POST", "/api/v1/solve", R"({"scenario": "tariffs-test"})").status,
      200);
}

TEST(ServerLimits, WithoutABuiltDashboardTheRootSaysHowToBuildIt) {
  const HttpReply reply = HttpRequest(SharedServer().port(), "GET", "/");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.headers.at("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(reply.body.find("The dashboard has not been built"), std::string::npos);
  EXPECT_NE(reply.body.find("npm run build"), std::string::npos);
}

TEST(ServerLimits, ServesTheBuiltDashboardFromMemoryOnly) {
  const auto web = MakeTempDirectory("server-web");
  std::filesystem::create_directories(web / "assets");
  std::ofstream(web / "index.html") << "<!doctype html><title>dash</title>";
  std::ofstream(web / "assets" / "app-1234.js") << "console.log(1)";
  ServerOptions options = TestServerOptions();
  options.web_directory = web;
  Server server(options);
  server.Start();
  EXPECT_EQ(server.web_directory(), web);
  const HttpReply index = HttpRequest(server.port(), "GET", "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<!doctype html><title>dash</title>");
  const HttpReply script = HttpRequest(server.port(), "GET", "/assets/app-1234.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.headers.at("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(script.headers.at("cache-control"), "public, max-age=31536000, immutable");
  // Paths outside the directory are not files of the dashboard.
  EXPECT_EQ(HttpRequest(server.port(), "GET", "/../CMakeLists.txt").status, 404);
  EXPECT_EQ(HttpRequest(server.port(), "GET", "/assets/../../etc/passwd").status, 404);
  EXPECT_TRUE(JsonOf(HttpRequest(server.port(), "GET", "/api/v1/health"))["dashboard"].get<bool>());
}

TEST(ServerLimits, InvalidOptionsAreRejected) {
  ServerOptions options = TestServerOptions();
  options.max_concurrent_solves = 0;
  std::string error;
  EXPECT_FALSE(options.IsValid(&error));
  EXPECT_EQ(error, "max_concurrent_solves: must be at least 1");
  EXPECT_THROW(Server{options}, ArgumentError);
}

TEST(ServerLimits, BusyPortIsAnArgumentError) {
  ServerOptions options = TestServerOptions();
  options.port = SharedServer().port();
  Server second(options);
  try {
    second.Start();
    FAIL() << "expected ArgumentError";
  } catch (const ArgumentError& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot listen on 127.0.0.1:" + std::to_string(options.port) +
                  " (is another server using the port? choose another with --port)");
  }
}

TEST(SolveWorkers, RunsJobsInArrivalOrderAndRefusesBeyondTheLine) {
  server::SolveWorkers workers(1, 1);
  std::promise<void> release_first;
  std::shared_future<void> first_may_end = release_first.get_future().share();
  std::vector<int> order;  // written by the single worker only
  std::optional<int> first_result, second_result;
  std::thread first([&] {
    first_result = workers.Run([&] {
      first_may_end.wait();
      order.push_back(1);
      return 1;
    });
  });
  while (workers.running() == 0) std::this_thread::yield();
  std::thread second([&] {
    second_result = workers.Run([&] {
      order.push_back(2);
      return 2;
    });
  });
  while (workers.waiting() == 0) std::this_thread::yield();
  EXPECT_FALSE(workers.Run([] { return 3; }).has_value());  // the line (1) is full
  EXPECT_EQ(workers.refused(), 1);
  release_first.set_value();
  first.join();
  second.join();
  EXPECT_EQ(first_result, 1);
  EXPECT_EQ(second_result, 2);
  EXPECT_EQ(order, (std::vector<int>{1, 2}));
  // A caller has its result as soon as the job sets it; the worker counts the job as finished
  // just after, under its lock. Give it that moment (bounded) before reading the counters.
  for (int k = 0; k < 10000 && workers.running() != 0; ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  EXPECT_EQ(workers.running(), 0);
  EXPECT_EQ(workers.waiting(), 0);
}

TEST(SolveWorkers, AJobsExceptionReachesItsCallerAndTheWorkerGoesOn) {
  server::SolveWorkers workers(1, 4);
  EXPECT_THROW(workers.Run([]() -> int { throw ArgumentError("broken"); }), ArgumentError);
  EXPECT_EQ(workers.Run([] { return 7; }), 7);
}

}  // namespace
}  // namespace ricardo::testing
