// A ricardo server started in-process on a free loopback port, shared by the API tests, with
// the test scenarios of tests/server/data/scenarios and the shipped north-america baseline.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "nlohmann/json.hpp"
#include "ricardo/server.hpp"
#include "server/http_client.hpp"

namespace ricardo::testing {

inline std::filesystem::path ServerTestData() {
  return std::filesystem::path(RICARDO_PROJECT_DIR) / "tests" / "server" / "data";
}

// Options the tests start servers with: few handler threads, a short read timeout (the slow
// request tests wait for it), a 64 KiB body limit.
inline ServerOptions TestServerOptions() {
  ServerOptions options;
  options.port = 0;
  options.handler_threads = 16;
  options.read_timeout_seconds = 1.0;
  options.max_body_bytes = 64 * 1024;
  options.scenario_directory = ServerTestData() / "scenarios";
  options.web_directory = ServerTestData() / "no-such-web-dir";
  return options;
}

// Started once, on first use, and stopped at exit.
inline Server& SharedServer() {
  static std::unique_ptr<Server> server = [] {
    auto s = std::make_unique<Server>(TestServerOptions());
    s->Start();
    return s;
  }();
  return *server;
}

inline nlohmann::json JsonOf(const HttpReply& reply) {
  return nlohmann::json::parse(reply.body, nullptr, /*allow_exceptions=*/false);
}

// The "message" of an error reply ("" if the reply is not an error document).
inline std::string ErrorMessage(const HttpReply& reply) {
  const nlohmann::json j = JsonOf(reply);
  if (!j.is_object() || !j.contains("error")) return {};
  return j["error"].value("message", std::string());
}

}  // namespace ricardo::testing
