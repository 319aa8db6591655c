// ricardo serve: the HTTP JSON API and the web dashboard (docs/api.md, docs/dashboard.md).
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <thread>

#include "cli.hpp"
#include "ricardo/error.hpp"
#include "ricardo/server.hpp"

namespace ricardo::cli {
namespace {

struct ServeArguments {
  ServerOptions server;
  std::vector<std::string> baselines;  // NAME=DIR
  std::string web_directory;
  std::string scenario_directory;
};

int Serve(ServeArguments& args) {
  for (const std::string& entry : args.baselines) {
    const auto equals = entry.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == entry.size()) {
      throw ArgumentError("--baseline '" + entry + "' is not NAME=DIRECTORY",
                          "e.g. --baseline mine=path/to/package");
    }
    args.server.extra_baselines[entry.substr(0, equals)] = entry.substr(equals + 1);
  }
  args.server.web_directory = args.web_directory;
  args.server.scenario_directory = args.scenario_directory;

  // SIGINT/SIGTERM are taken by one watching thread (blocked everywhere else, inherited by the
  // server's threads) so that a stop is an orderly Server::Stop().
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  Server server(args.server);
  server.Start();
  std::printf("ricardo serve: listening on http://%s:%d/ (API under /api/v1)\n",
              args.server.host.c_str(), server.port());
  if (server.web_directory().empty()) {
    std::printf("ricardo serve: dashboard not built; / explains how (the API works)\n");
  } else {
    std::printf("ricardo serve: dashboard from %s\n", server.web_directory().string().c_str());
  }
  std::fflush(stdout);

  std::thread watcher([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    server.Stop();
  });
  server.Wait();
  // The listener ended: wake the watcher if no signal did.
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  std::printf("ricardo serve: stopped\n");
  return kExitOk;
}

}  // namespace

void RegisterServe(CLI::App& app, Context& context) {
  auto args = std::make_shared<ServeArguments>();
  CLI::App* sub =
      AddCommand(app, context, "serve", "HTTP JSON API under /api/v1 and the web dashboard",
                 [args] { return Serve(*args); });
  ServerOptions& o = args->server;
  sub->add_option("--host", o.host, "address to listen on (default: this machine only)")
      ->capture_default_str();
  sub->add_option("--port", o.port, "TCP port (0 = any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  sub->add_option("--max-body-bytes", o.max_body_bytes, "largest request body (413 beyond)")
      ->capture_default_str();
  sub->add_option("--solves", o.max_concurrent_solves, "solves computed at once")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--queue", o.max_waiting_solves, "solves allowed to wait (503 beyond)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  sub->add_option("--solve-time-limit", o.solve_time_limit_seconds, "seconds per solve")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option(
         "--request-deadline", o.request_deadline_seconds,
         "seconds for a request's line, headers and body, from its first byte (408 beyond)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--read-timeout", o.read_timeout_seconds,
                  "seconds without a byte before a request gets 408")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--write-timeout", o.write_timeout_seconds,
                  "seconds to send an answer before the connection is closed")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--keep-alive-timeout", o.keep_alive_timeout_seconds,
                  "idle seconds before a keep-alive connection is closed")
      ->check(CLI::Range(1.0, 3600.0))
      ->capture_default_str();
  sub->add_option("--keep-alive-max-requests", o.keep_alive_max_requests,
                  "requests on one connection before it is closed")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--threads", o.handler_threads,
                  "handler threads (each blocks while its solve waits or runs)")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  sub->add_option("--max-queued-requests", o.max_queued_requests,
                  "requests waiting for a handler thread (503 beyond)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  sub->add_option("--max-connections", o.max_connections, "open connections (503 and close beyond)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--max-request-line-bytes", o.max_request_line_bytes,
                  "longest request line (414 beyond)")
      ->capture_default_str();
  sub->add_option("--max-header-bytes", o.max_header_bytes, "largest header block (431 beyond)")
      ->capture_default_str();
  sub->add_option("--max-header-count", o.max_header_count, "most header fields (431 beyond)")
      ->capture_default_str();
  sub->add_option("--cache-entries", o.cache_entries, "solve answers cached (0 = no cache)")
      ->capture_default_str();
  sub->add_option("--baseline", args->baselines,
                  "offer a baseline package as NAME=DIRECTORY (repeatable)");
  sub->add_option("--scenarios", args->scenario_directory,
                  "directory of the scenarios offered (default: the shipped ones)");
  sub->add_option("--web-dir", args->web_directory,
                  "the built dashboard (default: $RICARDO_WEB_DIR, then web/dist)");
}

}  // namespace ricardo::cli
