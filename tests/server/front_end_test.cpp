// The HTTP front end over real loopback sockets: the total request deadline against slow-drip
// clients, keep-alive, pipelining, HEAD, Expect: 100-continue, the connection cap and the
// handler queue. Timing is never asserted here (only in attack_test.cpp's health bound).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "server/server_fixture.hpp"

namespace ricardo::testing {
namespace {

const std::string kHealth = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";

// Sends `start`, then `byte` every 200 ms (at most 100 times, 20 s, far past any deadline the
// tests set) until the server answers, and returns the answer.
HttpReply DripUntilAnswered(HttpConnection& connection, const std::string& start,
                            const std::string& byte) {
  std::atomic<bool> answered{false};
  std::thread drip([&] {
    connection.Send(start);
    for (int k = 0; k < 100 && !answered; ++k) {
      connection.Send(byte);
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  });
  const HttpReply reply = connection.Read(20.0);
  answered = true;
  drip.join();
  return reply;
}

// A client that sends its headers one byte every 200 ms: it never stalls long enough for the
// read timeout (1 s), so only the total deadline (2 s here) can end it.
TEST(ServerFrontEnd, SlowDripClientGets408AtTheDeadlineAndIsClosed) {
  ServerOptions options = TestServerOptions();
  options.request_deadline_seconds = 2.0;
  Server server(options);
  server.Start();
  HttpConnection connection(server.port());
  const HttpReply reply =
      DripUntilAnswered(connection, "POST /api/v1/solve HTTP/1.1\r\nX-Slow: ", "a");
  EXPECT_EQ(reply.status, 408) << reply.body;
  EXPECT_EQ(ErrorMessage(reply),
            "headers: the request headers did not complete within 2 s (send "
            "the request line and headers, ended by an empty line, promptly)");
  EXPECT_EQ(reply.headers.at("connection"), "close");
  EXPECT_TRUE(connection.ClosedWithin(10.0));
  EXPECT_EQ(HttpRequest(server.port(), "GET", "/api/v1/health").status, 200);
}

TEST(ServerFrontEnd, SlowDripBodyGets408WithWhatArrived) {
  ServerOptions options = TestServerOptions();
  options.request_deadline_seconds = 2.0;
  Server server(options);
  server.Start();
  HttpConnection connection(server.port());
  const HttpReply reply = DripUntilAnswered(
      connection, "POST /api/v1/solve HTTP/1.1\r\nContent-Length: 100\r\n\r\n", " ");
  EXPECT_EQ(reply.status, 408) << reply.body;
  EXPECT_TRUE(
      ErrorMessage(reply).starts_with("body: the request body was not complete within 2 s ("))
      << reply.body;
}

TEST(ServerFrontEnd, KeepAliveServesSeveralRequestsOnOneConnection) {
  HttpConnection connection(SharedServer().port());
  for (int k = 0; k < 3; ++k) {
    connection.Send(kHealth);
    const HttpReply reply = connection.Read();
    EXPECT_EQ(reply.status, 200) << k;
    EXPECT_EQ(reply.headers.count("connection"), 0u) << "HTTP/1.1 keeps the connection open";
    EXPECT_EQ(JsonOf(reply)["status"], "ok");
  }
  connection.Send("GET /api/v1/health HTTP/1.1\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(connection.Read().headers.at("connection"), "close");
  EXPECT_TRUE(connection.ClosedWithin(10.0));
}

TEST(ServerFrontEnd, Http10ClosesUnlessAskedToKeepAlive) {
  HttpConnection connection(SharedServer().port());
  connection.Send("GET /api/v1/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  EXPECT_EQ(connection.Read().headers.at("connection"), "keep-alive");
  connection.Send("GET /api/v1/health HTTP/1.0\r\n\r\n");
  EXPECT_EQ(connection.Read().headers.at("connection"), "close");
  EXPECT_TRUE(connection.ClosedWithin(10.0));
}

TEST(ServerFrontEnd, PipelinedRequestsAreAnsweredInOrder) {
  HttpConnection connection(SharedServer().port());
  connection.Send(kHealth + "GET /api/v1/scenarios HTTP/1.1\r\n\r\n" +
                  "POST /api/v1/explain HTTP/1.1\r\nContent-Type: application/json\r\n"
                  "Content-Length: 28\r\n\r\n{\"scenario\": \"tariffs-test\"}" +
                  kHealth);
  EXPECT_EQ(JsonOf(connection.Read())["status"], "ok");
  EXPECT_TRUE(JsonOf(connection.Read()).contains("scenarios"));
  const HttpReply explain = connection.Read();
  EXPECT_EQ(explain.status, 200) << explain.body.substr(0, 300);
  EXPECT_EQ(JsonOf(connection.Read())["status"], "ok");
}

TEST(ServerFrontEnd, HeadAnswersTheHeadersOfGetWithoutTheBody) {
  const int port = SharedServer().port();
  const HttpReply get = HttpRequest(port, "GET", "/api/v1/scenarios");
  HttpConnection connection(port);
  connection.Send("HEAD /api/v1/scenarios HTTP/1.1\r\nConnection: close\r\n\r\n");
  const std::string raw = connection.ReadUntilClosed(10.0);
  EXPECT_TRUE(raw.starts_with("HTTP/1.1 200 OK\r\n")) << raw;
  EXPECT_NE(raw.find("Content-Length: " + std::to_string(get.body.size()) + "\r\n"),
            std::string::npos)
      << raw;
  EXPECT_TRUE(raw.ends_with("\r\n\r\n")) << "no body after the headers: " << raw;
}

TEST(ServerFrontEnd, Expect100ContinueIsAnsweredBeforeTheBody) {
  HttpConnection connection(SharedServer().port());
  const std::string body = R"({"scenario": "tariffs-test"})";
  connection.Send(
      "POST /api/v1/explain HTTP/1.1\r\nContent-Type: application/json\r\n"
      "Expect: 100-continue\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n");
  EXPECT_EQ(connection.Read().status, 100);
  connection.Send(body);
  const HttpReply reply = connection.Read();
  EXPECT_EQ(reply.status, 200) << reply.body.substr(0, 300);
}

TEST(ServerFrontEnd, Expect100ContinueWithATooLargeBodyGets413AtOnce) {
  HttpConnection connection(SharedServer().port());
  connection.Send(
      "POST /api/v1/solve HTTP/1.1\r\nContent-Type: application/json\r\n"
      "Expect: 100-continue\r\nContent-Length: 10000000\r\n\r\n");
  const HttpReply reply = connection.Read();
  EXPECT_EQ(reply.status, 413) << reply.body;
  EXPECT_EQ(JsonOf(reply)["error"]["location"]["field"], "Content-Length");
}

TEST(ServerFrontEnd, ConnectionsBeyondTheCapGet503) {
  ServerOptions options = TestServerOptions();
  options.max_connections = 4;
  Server server(options);
  server.Start();
  std::vector<std::unique_ptr<HttpConnection>> open;
  for (int k = 0; k < 4; ++k) {
    open.push_back(std::make_unique<HttpConnection>(server.port()));
    open.back()->Send(kHealth);  // answered: the connection is accepted and stays open
    ASSERT_EQ(open.back()->Read().status, 200);
  }
  HttpConnection extra(server.port());
  const HttpReply refused = extra.Read();
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(ErrorMessage(refused),
            "connection: the server has its limit of 4 open connections (retry in a moment; the "
            "limit is ServerOptions::max_connections (--max-connections))");
  // A freed place is given to the next client (once the server has seen the close).
  open.pop_back();
  int status = 0;
  for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    status = HttpRequest(server.port(), "GET", "/api/v1/health").status;
  }
  EXPECT_EQ(status, 200);
}

// With one handler thread and no queue, requests that find it busy get 503 at once; health is
// answered on the I/O thread throughout.
TEST(ServerFrontEnd, SaturatedHandlersGive503AndHealthStillAnswers) {
  ServerOptions options = TestServerOptions();
  options.handler_threads = 1;
  options.max_queued_requests = 0;
  options.cache_entries = 0;
  Server server(options);
  server.Start();
  constexpr int kRequests = 8;
  std::vector<HttpReply> replies(kRequests);
  std::vector<std::thread> clients;
  for (int k = 0; k < kRequests; ++k) {
    clients.emplace_back([&, k] {
      const std::string body = R"({"scenario": "tariffs-test", "rates": {"s232-steel": )" +
                               std::to_string(0.1 + 0.01 * k) + "}}";
      replies[k] = HttpRequest(server.port(), "POST", "/api/v1/solve", body);
    });
  }
  const HttpReply health = HttpRequest(server.port(), "GET", "/api/v1/health");
  for (auto& c : clients) c.join();
  EXPECT_EQ(health.status, 200);
  int ok = 0, busy = 0;
  for (const HttpReply& reply : replies) {
    ok += reply.status == 200;
    if (reply.status == 503) {
      ++busy;
      EXPECT_EQ(ErrorMessage(reply),
                "all 1 handler threads are busy and 0 requests wait for one (retry in a moment; "
                "the limits are --threads and --max-queued-requests)");
    }
  }
  EXPECT_EQ(ok + busy, kRequests);
  EXPECT_GE(ok, 1);
}

TEST(ServerFrontEnd, NewOptionsAreValidated) {
  ServerOptions options = TestServerOptions();
  std::string error;
  options.request_deadline_seconds = 0;
  EXPECT_FALSE(options.IsValid(&error));
  EXPECT_EQ(error, "request_deadline_seconds: must be positive");
  options = TestServerOptions();
  options.max_connections = 0;
  EXPECT_FALSE(options.IsValid(&error));
  EXPECT_EQ(error, "max_connections: must be at least 1");
  options = TestServerOptions();
  options.handler_threads = 0;
  EXPECT_FALSE(options.IsValid(&error));
  EXPECT_EQ(error, "handler_threads: must be at least 1");
  options = TestServerOptions();
  options.max_header_bytes = 10;
  EXPECT_FALSE(options.IsValid(&error));
  EXPECT_EQ(error, "max_header_bytes: must be at least 1024");
}

}  // namespace
}  // namespace ricardo::testing
