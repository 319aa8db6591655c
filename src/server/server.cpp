// Server: cpp-httplib wired to the router, with the limits of ServerOptions.
#include "ricardo/server.hpp"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <sys/socket.h>
#include <thread>

#include "fmt/format.h"
#include "httplib.h"
#include "ricardo/error.hpp"
#include "ricardo/paths.hpp"
#include "ricardo/scenario.hpp"
#include "server/api_routes.hpp"
#include "server/http_error.hpp"
#include "server/static_files.hpp"

namespace ricardo {
namespace {

using Clock = std::chrono::steady_clock;

// Connections waiting to be accepted (the kernel caps it at net.core.somaxconn).
constexpr int kListenBacklog = 4096;

// When the connection served by this thread last made progress (accepted, or a response
// written). httplib answers a request that stalls mid-way with a bare 400; the time since the
// last progress tells a stall (408) from a malformed request (400).
thread_local Clock::time_point last_progress = Clock::now();

// A thread pool that stamps each connection's start for the stall detection above.
class StampingPool : public httplib::TaskQueue {
 public:
  explicit StampingPool(std::size_t threads) : pool_(threads) {}
  void enqueue(std::function<void()> task) override {
    pool_.enqueue([task = std::move(task)] {
      last_progress = Clock::now();
      task();
    });
  }
  void shutdown() override { pool_.shutdown(); }

 private:
  httplib::ThreadPool pool_;
};

std::pair<time_t, time_t> SecondsAndMicros(double seconds) {
  const double whole = std::floor(seconds);
  return {static_cast<time_t>(whole), static_cast<time_t>((seconds - whole) * 1e6)};
}

}  // namespace

bool ServerOptions::IsValid(std::string* error) const {
  auto fail = [&](const std::string& message) {
    if (error) *error = message;
    return false;
  };
  if (host.empty()) return fail("host: must not be empty");
  if (port < 0 || port > 65535) return fail(fmt::format("port: {} is not in [0, 65535]", port));
  if (max_body_bytes < 1024) return fail("max_body_bytes: must be at least 1024");
  if (max_concurrent_solves < 1) return fail("max_concurrent_solves: must be at least 1");
  if (max_waiting_solves < 0) return fail("max_waiting_solves: must be at least 0");
  if (!(solve_time_limit_seconds > 0)) return fail("solve_time_limit_seconds: must be positive");
  if (!(read_timeout_seconds > 0)) return fail("read_timeout_seconds: must be positive");
  if (!(write_timeout_seconds > 0)) return fail("write_timeout_seconds: must be positive");
  if (connection_threads < 2) return fail("connection_threads: must be at least 2");
  if (keep_alive_max_requests < 1) return fail("keep_alive_max_requests: must be at least 1");
  if (!(keep_alive_timeout_seconds >= 1)) {
    return fail("keep_alive_timeout_seconds: must be at least 1");
  }
  return true;
}

std::filesystem::path FindWebDirectory() {
  std::error_code ec;
  auto has_index = [&](const std::filesystem::path& dir) {
    return !dir.empty() && std::filesystem::is_regular_file(dir / "index.html", ec);
  };
  if (const char* env = std::getenv("RICARDO_WEB_DIR"); env && *env) {
    return has_index(env) ? std::filesystem::path(env) : std::filesystem::path{};
  }
  if (const auto source = SourceDirectory() / "web" / "dist"; has_index(source)) return source;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto installed = exe.parent_path() / ".." / "share" / "ricardo" / "web";
    if (has_index(installed)) return installed;
  }
  return {};
}

struct Server::Impl {
  explicit Impl(ServerOptions o)
      : options(std::move(o)),
        catalog(options.extra_baselines, options.scenario_directory.empty()
                                             ? ShippedScenarioDirectory()
                                             : options.scenario_directory),
        workers(options.max_concurrent_solves, options.max_waiting_solves),
        cache(options.cache_entries, options.cache_max_bytes),
        web_directory(options.web_directory.empty() ? FindWebDirectory() : options.web_directory),
        files(web_directory) {
    if (!files.available()) web_directory.clear();
    context.catalog = &catalog;
    context.workers = &workers;
    context.cache = &cache;
    context.pipeline.solve_time_limit_seconds = options.solve_time_limit_seconds;
    context.dashboard_available = files.available();
    server::AddApiRoutes(router, context);
    Configure();
  }

  void Configure();
  void Handle(const httplib::Request& request, httplib::Response& response);
  void FillLibraryError(const httplib::Request& request, httplib::Response& response);

  ServerOptions options;
  server::Catalog catalog;
  server::SolveWorkers workers;
  server::ResultCache cache;
  std::filesystem::path web_directory;
  server::StaticFiles files;
  server::ApiContext context;
  server::Router router;
  httplib::Server http;
  int port = 0;
  std::thread listener;
  std::mutex lifecycle;
  int listen_socket = -1;
};

void Server::Impl::Configure() {
  const std::size_t threads = static_cast<std::size_t>(options.connection_threads);
  http.new_task_queue = [threads] { return new StampingPool(threads); };
  http.set_payload_max_length(options.max_body_bytes);
  const auto [read_s, read_us] = SecondsAndMicros(options.read_timeout_seconds);
  http.set_read_timeout(read_s, read_us);
  const auto [write_s, write_us] = SecondsAndMicros(options.write_timeout_seconds);
  http.set_write_timeout(write_s, write_us);
  http.set_keep_alive_max_count(static_cast<std::size_t>(options.keep_alive_max_requests));
  http.set_keep_alive_timeout(static_cast<time_t>(options.keep_alive_timeout_seconds));
  http.set_tcp_nodelay(true);
  // httplib's default is SO_REUSEPORT, which lets a second server bind the same port and share
  // its traffic unnoticed; SO_REUSEADDR alone still allows a quick restart. The socket is kept
  // to widen its backlog once bound (Start()).
  http.set_socket_options([this](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_socket = sock;
  });

  // Every method reaches our router, which answers 404 and 405 itself.
  auto all = [this](const httplib::Request& req, httplib::Response& res) { Handle(req, res); };
  // Bodies are read here, not by httplib: its payload limit (set above) holds for a
  // Content-Length body but not for a chunked one, which it would read whole (issue 11: a
  // 400 MB chunked POST). The reader stops at the limit whatever the framing.
  auto with_body = [this](const httplib::Request& req, httplib::Response& res,
                          const httplib::ContentReader& reader) {
    httplib::Request whole = req;
    bool too_large = false;
    const auto started = Clock::now();
    const bool complete = reader([&](const char* data, std::size_t length) {
      if (whole.body.size() + length > options.max_body_bytes) {
        too_large = true;
        return false;
      }
      whole.body.append(data, length);
      return true;
    });
    if (too_large) {
      res.set_header("Connection", "close");  // the rest of the body is never read
      server::SendJson(res, 413,
                       server::ErrorBody(server::HttpError(
                                             413, "payload too large", Location{"", 0, 0, "body"},
                                             fmt::format("the request body is larger than the limit of {} bytes "
                                                         "(it was stopped there)",
                                                         options.max_body_bytes),
                                             "send a smaller scenario; the limit is ServerOptions::max_body_bytes "
                                             "(--max-body-bytes)"))
                           .dump());
      return;
    }
    const std::string length = req.get_header_value("Content-Length");
    if (!complete && !length.empty() && std::strtoull(length.c_str(), nullptr, 10) > options.max_body_bytes) {
      res.status = 413;  // httplib refused it by its Content-Length, unread
      FillLibraryError(req, res);
      return;
    }
    if (!complete) {
      // The client stopped sending (the read timeout) or sent a body httplib could not frame.
      res.set_header("Connection", "close");
      const double waited = std::chrono::duration<double>(Clock::now() - started).count();
      const bool stalled = waited >= 0.9 * options.read_timeout_seconds;
      const std::string what =
          !length.empty() ? fmt::format("the request body stopped after {} of {} bytes for {} s", whole.body.size(),
                                        length, options.read_timeout_seconds)
          : stalled       ? fmt::format("the chunked request body stopped after {} bytes for {} s", whole.body.size(),
                                        options.read_timeout_seconds)
                          : fmt::format("the chunked request body is malformed after {} bytes", whole.body.size());
      server::SendJson(res, stalled || !length.empty() ? 408 : 400,
                       server::ErrorBody(server::HttpError(
                                             stalled || !length.empty() ? 408 : 400,
                                             stalled || !length.empty() ? "request timeout" : "invalid request",
                                             Location{"", 0, 0, "body"}, what,
                                             !length.empty() ? "send the whole body promptly, with a Content-Length "
                                                               "that matches it"
                                                             : "send the chunks promptly, each as its size in hex, "
                                                               "CRLF, the bytes, CRLF, and end with a 0 chunk"))
                           .dump());
      return;
    }
    Handle(whole, res);
  };
  http.Get(".*", all);
  http.Post(".*", with_body);
  http.Put(".*", with_body);
  http.Patch(".*", with_body);
  http.Delete(".*", all);
  http.Options(".*", all);

  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        FillLibraryError(req, res);
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        server::SendJson(res, 500,
                         server::ErrorBody(500, ToString(ErrorKind::kInternal),
                                           "unexpected failure while answering the request",
                                           Location{}, "please report this as a bug")
                             .dump());
      });
  http.set_logger([](const httplib::Request&, const httplib::Response&) {
    last_progress = Clock::now();
  });
}

// Errors httplib produces before our handlers run: a body over the limit, a stalled request,
// a request it could not parse.
void Server::Impl::FillLibraryError(const httplib::Request& request, httplib::Response& res) {
  std::string kind = "invalid request", what = "malformed HTTP request", fix;
  Location where;
  if (res.status == 413) {
    kind = "payload too large";
    where.field = "Content-Length";
    what = fmt::format("the request body ({} bytes) is larger than the limit of {} bytes",
                       request.get_header_value("Content-Length"), options.max_body_bytes);
    fix = "send a smaller scenario; the limit is ServerOptions::max_body_bytes (--max-body-bytes)";
  } else if (res.status == 400) {
    const std::string length = request.get_header_value("Content-Length");
    const bool body_short = !length.empty() && std::strtoull(length.c_str(), nullptr, 10) >
                                                   request.body.size();
    const double idle = std::chrono::duration<double>(Clock::now() - last_progress).count();
    if (body_short) {
      res.status = 408;
      kind = "request timeout";
      where.field = "body";
      what = fmt::format("the request body stopped after {} of {} bytes for {} s",
                         request.body.size(), length, options.read_timeout_seconds);
      fix = "send the whole body promptly, with a Content-Length that matches it";
    } else if (idle >= 0.9 * options.read_timeout_seconds) {
      res.status = 408;
      kind = "request timeout";
      where.field = "headers";
      what = fmt::format("the request headers did not complete within {} s",
                         options.read_timeout_seconds);
      fix = "send the request line and headers, ended by an empty line, promptly";
    } else {
      what = "malformed HTTP request: the request line or a header could not be parsed";
      fix = "send an HTTP/1.1 request such as 'POST /api/v1/solve HTTP/1.1'";
    }
  } else {
    what = fmt::format("HTTP status {}", res.status);
  }
  res.set_content(server::ErrorBody(server::HttpError(res.status, kind, where, what, fix)).dump(),
                  "application/json");
}

void Server::Impl::Handle(const httplib::Request& request, httplib::Response& response) {
  try {
    const bool api = request.path == "/api" || request.path.starts_with("/api/");
    if (!api && (request.method == "GET" || request.method == "HEAD")) {
      if (files.Serve(request.path, response)) return;
      throw server::HttpError(404, "not found", Location{"", 0, 0, "path"},
                              fmt::format("no file at '{}'", request.path),
                              "the dashboard is at /; the API under /api/v1");
    }
    if (!api) {
      response.set_header("Allow", "GET");
      throw server::HttpError(405, "method not allowed", Location{"", 0, 0, "method"},
                              fmt::format("{} is not allowed on '{}'", request.method,
                                          request.path),
                              "use GET");
    }
    router.Dispatch(request, response);
  } catch (const server::HttpError& e) {
    server::SendJson(response, e.status(), server::ErrorBody(e).dump());
  } catch (const Error& e) {
    server::SendJson(response, server::StatusFor(e.kind()), server::ErrorBody(e).dump());
  } catch (const std::exception& e) {
    // A bug of ours: answer it, keep serving.
    server::SendJson(response, 500,
                     server::ErrorBody(500, ToString(ErrorKind::kInternal),
                                       fmt::format("internal error: {}", e.what()), Location{},
                                       "please report this as a bug")
                         .dump());
  }
}

Server::Server(ServerOptions options) {
  std::string error;
  if (!options.IsValid(&error)) throw ArgumentError("invalid server options: " + error);
  impl_ = std::make_unique<Impl>(std::move(options));
}

Server::~Server() { Stop(); }

void Server::Start() {
  std::lock_guard lock(impl_->lifecycle);
  if (impl_->listener.joinable()) throw ArgumentError("the server is already started");
  const ServerOptions& o = impl_->options;
  if (o.warm_up) {
    // Failures here are reported by the requests that need the data, located, as usual.
    try {
      ShippedProductData();
    } catch (const Error&) {
    }
    for (const std::string& name : impl_->catalog.BaselineNames()) {
      try {
        impl_->catalog.GetBaseline(name);
      } catch (const Error&) {
      }
    }
  }
  if (o.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(o.host);
    if (impl_->port <= 0) impl_->port = 0;
  } else if (impl_->http.bind_to_port(o.host, o.port)) {
    impl_->port = o.port;
  }
  if (impl_->port == 0) {
    throw ArgumentError(fmt::format("cannot listen on {}:{}", o.host, o.port),
                        "is another server using the port? choose another with --port");
  }
  // Debian's cpp-httplib listens with a backlog of 5: a crowd connecting at once overflows it,
  // and the kernel drops the extra handshakes, which clients retry only after 1, 3, 7… s. On
  // Linux, listen() again on the bound socket widens the backlog (capped by somaxconn).
  if (impl_->listen_socket >= 0) ::listen(impl_->listen_socket, kListenBacklog);
  impl_->listener = std::thread([this] { impl_->http.listen_after_bind(); });
  // Stop() before the listener runs would be lost; return once it accepts connections.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!impl_->http.is_running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void Server::Wait() {
  std::thread listener;
  {
    std::lock_guard lock(impl_->lifecycle);
    listener.swap(impl_->listener);
  }
  if (listener.joinable()) listener.join();
}

void Server::Stop() {
  if (!impl_) return;
  impl_->http.stop();
  Wait();
}

int Server::port() const { return impl_->port; }

const std::filesystem::path& Server::web_directory() const { return impl_->web_directory; }

}  // namespace ricardo
