// `ricardo serve`: the HTTP JSON API under /api/v1 and the web dashboard (docs/api.md).
//
// Endpoints (all JSON; errors are {"error": {...}} bodies with the same located messages as the
// command line):
//   GET  /api/v1/health                 liveness, version, solve queue and cache counters
//   GET  /api/v1/baselines              the baselines the server offers
//   GET  /api/v1/baselines/{name}       one baseline's manifest, regions and sectors
//   GET  /api/v1/scenarios              the shipped scenarios (name, title, date, baseline)
//   GET  /api/v1/scenarios/{name}       one scenario as JSON (ScenarioToJson) and its measures
//   POST /api/v1/explain                compile a scenario and return ExplainJson
//   POST /api/v1/solve                  compile and solve a scenario; the body of the answer is
//                                       RunResultToJson, the document `ricardo run --format json`
//                                       prints
//   POST /api/v1/draws                  the same request plus "draws" and "seed": the solve and
//                                       its Monte Carlo bands (`ricardo run --draws N --seed S
//                                       --format json`), computed on a worker of its own
// A scenario is posted as TOML (Content-Type: application/toml) or as a JSON request naming a
// shipped scenario or carrying one inline, with edits (rates, measure and tag switches, USMCA
// utilisation). Everything else under / is the dashboard's static files.
//
// Connections are served by one I/O thread (epoll, non-blocking sockets) that parses requests
// itself and hands complete ones to handler_threads threads; a slow client costs a file
// descriptor and a buffer, never a thread. Limits (docs/api.md, "Limits"): a request's line,
// headers and body must arrive within request_deadline_seconds of its first byte and never
// pause for read_timeout_seconds (408); bodies over max_body_bytes get 413 whatever their
// framing; request lines, header blocks and header counts have limits (414, 431); beyond
// max_connections open connections a new one gets 503 and is closed, and beyond
// max_queued_requests requests waiting for a handler thread, 503. GET /api/v1/health and the
// dashboard's files are answered on the I/O thread, so they stay answerable when every handler
// waits for a solve. max_concurrent_solves worker threads compute solves in arrival order and at
// most max_waiting_solves wait for one (503 beyond that); each solve stops at
// solve_time_limit_seconds. Malformed requests get a 4xx JSON error saying what is wrong; a 500
// is always a bug. Identical solve requests are answered from a cache and coalesced while in
// flight.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace ricardo {

// POST /api/v1/draws: draws asked for when the request gives no "draws", and the most one
// request may ask for (400 beyond; GET /api/v1/limits states it). A draw of the built-in
// baselines solves in a few milliseconds warm-started, so the largest request takes seconds on
// the draws worker; studies larger than that belong to `ricardo run --draws N` or `ricardo sweep`.
inline constexpr int kDefaultRequestDraws = 200;
inline constexpr int kMaxRequestDraws = 1000;
// Draws requests allowed to wait while one is computed; one more gets 503. The dashboard sends
// one per click of its button, so a few cover a person clicking again after an edit.
inline constexpr int kMaxWaitingDrawRequests = 4;

struct ServerOptions {
  // Address to listen on. The default serves this machine only; "0.0.0.0" exposes the API.
  std::string host = "127.0.0.1";
  // TCP port; 0 asks the system for a free one (see Server::port()).
  int port = 8080;

  // Largest request body accepted, in bytes, once de-chunked (413 beyond).
  std::size_t max_body_bytes = 1 << 20;
  // Longest request line (method, target, version), in bytes (414 beyond).
  std::size_t max_request_line_bytes = 8 * 1024;
  // Largest header block (every header line, and again every trailer line), in bytes (431).
  std::size_t max_header_bytes = 16 * 1024;
  // Most header fields of a request (431 beyond).
  std::size_t max_header_count = 100;
  // Worker threads computing solves (and explains), each one at a time: one per core of the
  // target machine.
  int max_concurrent_solves = 2;
  // Solve requests allowed to wait for a free worker; one more gets 503 with a JSON body.
  int max_waiting_solves = 512;
  // Wall-clock limit of one solve (SolverOptions::max_time_in_seconds).
  double solve_time_limit_seconds = 20.0;
  // Total time for a request's line, headers and body, from its first byte (408 beyond), however
  // steadily the bytes trickle in.
  double request_deadline_seconds = 10.0;
  // A request that receives no byte for this long gets 408.
  double read_timeout_seconds = 5.0;
  // Sending a response may take at most this long; the connection is closed beyond.
  double write_timeout_seconds = 5.0;
  // Threads running requests' handlers (each blocks while its solve waits or runs). Health and
  // the dashboard's files do not need one.
  int handler_threads = 64;
  // Complete requests allowed to wait for a handler thread; one more gets 503 with a JSON body.
  int max_queued_requests = 256;
  // Open connections; one more is answered 503 and closed. Each costs a descriptor and buffers.
  int max_connections = 1024;
  // Requests served on one keep-alive connection before it is closed.
  int keep_alive_max_requests = 10000;
  // Idle seconds after which a keep-alive connection (or one that never sent a byte) is closed.
  double keep_alive_timeout_seconds = 5.0;

  // Solve answers kept for identical requests (0 disables the cache), and their total size.
  std::size_t cache_entries = 512;
  std::size_t cache_max_bytes = 256u << 20;

  // Load the product data and every offered baseline in Start(), so that the first solve is as
  // fast as the others (about half a second at start instead of on the first request).
  bool warm_up = true;

  // Baselines offered by name, besides the built-in ones (name → package directory). Clients
  // can only name baselines; they never give paths.
  std::map<std::string, std::filesystem::path> extra_baselines;
  // Where the offered scenarios are; empty = ShippedScenarioDirectory().
  std::filesystem::path scenario_directory;
  // The built dashboard (web/dist); empty = $RICARDO_WEB_DIR, then web/dist in the source tree,
  // then ../share/ricardo/web next to the executable. Missing: the API still works and / says
  // how to build the page.
  std::filesystem::path web_directory;

  // True if every field is in range; otherwise false with a message naming the field and bound.
  bool IsValid(std::string* error) const;
};

// Where the dashboard's built files are looked for when ServerOptions::web_directory is empty;
// an empty path if none of the places holds an index.html.
std::filesystem::path FindWebDirectory();

// The HTTP server. Construct, Start() (binds and serves on background threads), Stop().
// Thread-safe: Stop() may be called from any thread, including a signal-watching one.
class Server {
 public:
  // Throws ArgumentError for invalid options.
  explicit Server(ServerOptions options);
  ~Server();  // stops the server
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds host:port and starts serving. Throws ArgumentError if the address cannot be bound.
  void Start();
  // Blocks until Stop() is called (from another thread) or the listener fails.
  void Wait();
  // Stops accepting, closes connections, waits for running handlers; idempotent.
  void Stop();

  // The bound port (useful with port 0); 0 before Start().
  int port() const;
  // Where the dashboard is served from; empty if the built files were not found.
  const std::filesystem::path& web_directory() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ricardo
