// libFuzzer target for the HTTP request path (issue 11): bytes → HttpParser → the server's
// Application (router, endpoints, shipped catalog and scenarios) → response, with no sockets.
//
// Whatever the bytes, nothing may crash, read out of bounds or throw, and no answer may be a
// 500: a malformed request of any kind is the client's fault and gets a 4xx (a 500 is a bug of
// ours). Pipelined requests in one input are each answered, as the front end does; an input
// that ends mid-request is worded as the 408 the front end would send.
//
// Built by scripts/fuzz.sh http (clang, -fsanitize=fuzzer,address,undefined) from every library
// source, since the endpoints compile and solve scenarios.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "ricardo/server.hpp"
#include "server/application.hpp"
#include "server/http_front_end.hpp"
#include "server/http_parser.hpp"

namespace {

using ricardo::server::HttpParser;

[[noreturn]] void Fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "http_fuzz: %s\n%s\n", what, detail.c_str());
  __builtin_trap();
}

ricardo::ServerOptions FuzzOptions() {
  ricardo::ServerOptions options;
  options.max_body_bytes = 64 * 1024;
  options.max_concurrent_solves = 1;
  options.solve_time_limit_seconds = 2.0;  // under libFuzzer's -timeout
  options.cache_entries = 64;
  options.web_directory = "/nonexistent/ricardo-fuzz-web";  // the "not built" page
  return options;
}

void Check(const ricardo::server::HttpResponse& response, const std::string& what) {
  if (response.status == 500) Fail("a 500 answer", what + "\n" + response.body);
  if (response.status < 100 || response.status > 599) Fail("an invalid status", what);
}

const ricardo::ServerOptions& Options() {
  static const ricardo::ServerOptions options = FuzzOptions();
  return options;
}

ricardo::server::Application& App() {
  static const auto application = std::make_unique<ricardo::server::Application>(Options());
  return *application;
}

}  // namespace

// The product data and baselines are loaded once here, as `ricardo serve` does at start: loaded
// by the first input instead, they would take it past libFuzzer's -timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  App().WarmUp();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ricardo::ServerOptions& options = Options();
  ricardo::server::Application* application = &App();
  ricardo::server::HttpLimits limits;
  limits.max_body_bytes = options.max_body_bytes;
  limits.max_request_line_bytes = 1024;  // small limits, so that inputs reach them
  limits.max_header_bytes = 2048;
  limits.max_header_count = 16;
  HttpParser parser(limits);
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // The first byte splits the input into two reads, as a socket might.
  const std::size_t split = size == 0 ? 0 : data[0] % (size + 1);
  std::string_view pieces[2] = {input.substr(0, split), input.substr(split)};
  for (std::string_view piece : pieces) {
    while (!piece.empty()) {
      piece.remove_prefix(parser.Feed(piece));
      if (parser.phase() == HttpParser::Phase::kError) {
        const auto& error = *parser.error();
        if (error.status() < 400 || error.status() == 500)
          Fail("a parser error with a bad status", error.what());
        Check(ricardo::server::ErrorResponse(error), error.what());
        return 0;
      }
      if (parser.phase() == HttpParser::Phase::kComplete) {
        const ricardo::server::HttpRequest request = parser.TakeRequest();
        const auto response = application->Handle(request);
        Check(response, request.method + " " + request.target + "\n" + request.body);
        (void)ricardo::server::SerializeResponse(response, request.method == "HEAD", true, 1);
      }
    }
  }
  if (parser.started())
    Check(ricardo::server::ErrorResponse(parser.TimeoutError(1, true)), "timeout");
  return 0;
}
