// Server: the Application (catalog, solve workers, cache, router) served by our own HTTP front
// end (http_front_end: epoll, per-request deadlines, handler threads) on a socket bound here.
#include "ricardo/server.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>

#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/paths.hpp"
#include "server/application.hpp"
#include "server/http_front_end.hpp"

namespace ricardo {
namespace {

// Connections waiting to be accepted (the kernel caps it at net.core.somaxconn): a crowd
// connecting at once must not overflow it, or the kernel drops handshakes that clients retry
// only after 1, 3, 7... s.
constexpr int kListenBacklog = 4096;

// A bound, listening socket on host:port, or -1.
int Listen(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) return -1;
  int fd = -1;
  for (addrinfo* a = found; a && fd < 0; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    // SO_REUSEADDR allows a quick restart; not SO_REUSEPORT, which would let a second server
    // bind the same port and share its traffic unnoticed.
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, kListenBacklog) != 0) {
      ::close(fd);
      fd = -1;
    }
  }
  ::freeaddrinfo(found);
  return fd;
}

int BoundPort(int fd) {
  sockaddr_storage address{};
  socklen_t size = sizeof address;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) return 0;
  if (address.ss_family == AF_INET)
    return ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);
  if (address.ss_family == AF_INET6) {
    return ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port);
  }
  return 0;
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
  if (max_request_line_bytes < 256) return fail("max_request_line_bytes: must be at least 256");
  if (max_header_bytes < 1024) return fail("max_header_bytes: must be at least 1024");
  if (max_header_count < 8) return fail("max_header_count: must be at least 8");
  if (max_concurrent_solves < 1) return fail("max_concurrent_solves: must be at least 1");
  if (max_waiting_solves < 0) return fail("max_waiting_solves: must be at least 0");
  if (!(solve_time_limit_seconds > 0)) return fail("solve_time_limit_seconds: must be positive");
  if (!(request_deadline_seconds > 0)) return fail("request_deadline_seconds: must be positive");
  if (!(read_timeout_seconds > 0)) return fail("read_timeout_seconds: must be positive");
  if (!(write_timeout_seconds > 0)) return fail("write_timeout_seconds: must be positive");
  if (handler_threads < 1) return fail("handler_threads: must be at least 1");
  if (max_queued_requests < 0) return fail("max_queued_requests: must be at least 0");
  if (max_connections < 1) return fail("max_connections: must be at least 1");
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
  explicit Impl(ServerOptions o) : options(std::move(o)), application(options) {}
  server::FrontEndOptions FrontEnd() const;

  ServerOptions options;
  server::Application application;
  std::unique_ptr<server::HttpFrontEnd> front_end;
  int port = 0;
  std::mutex lifecycle;
};

server::FrontEndOptions Server::Impl::FrontEnd() const {
  server::FrontEndOptions f;
  f.limits.max_request_line_bytes = options.max_request_line_bytes;
  f.limits.max_header_bytes = options.max_header_bytes;
  f.limits.max_header_count = options.max_header_count;
  f.limits.max_body_bytes = options.max_body_bytes;
  f.request_deadline_seconds = options.request_deadline_seconds;
  f.read_timeout_seconds = options.read_timeout_seconds;
  f.keep_alive_timeout_seconds = options.keep_alive_timeout_seconds;
  f.write_timeout_seconds = options.write_timeout_seconds;
  f.keep_alive_max_requests = options.keep_alive_max_requests;
  f.max_connections = options.max_connections;
  f.handler_threads = options.handler_threads;
  f.max_queued_requests = options.max_queued_requests;
  return f;
}

Server::Server(ServerOptions options) {
  std::string error;
  if (!options.IsValid(&error)) throw ArgumentError("invalid server options: " + error);
  impl_ = std::make_unique<Impl>(std::move(options));
}

Server::~Server() {
  Stop();
}

void Server::Start() {
  std::lock_guard lock(impl_->lifecycle);
  if (impl_->front_end) throw ArgumentError("the server is already started");
  const ServerOptions& o = impl_->options;
  if (o.warm_up) impl_->application.WarmUp();
  const int fd = Listen(o.host, o.port);
  if (fd < 0) {
    throw ArgumentError(fmt::format("cannot listen on {}:{}", o.host, o.port),
                        "is another server using the port? choose another with --port");
  }
  impl_->port = BoundPort(fd);
  const server::Application* application = &impl_->application;
  impl_->front_end = std::make_unique<server::HttpFrontEnd>(
      impl_->FrontEnd(),
      [application](const server::HttpRequest& r) { return application->Handle(r); },
      server::Application::AnswerInline);
  impl_->front_end->Start(fd);
}

void Server::Wait() {
  server::HttpFrontEnd* front_end = nullptr;
  {
    std::lock_guard lock(impl_->lifecycle);
    front_end = impl_->front_end.get();
  }
  if (front_end) front_end->Wait();
}

void Server::Stop() {
  if (!impl_) return;
  std::lock_guard lock(impl_->lifecycle);
  if (impl_->front_end) impl_->front_end->Stop();
}

int Server::port() const {
  return impl_->port;
}

const std::filesystem::path& Server::web_directory() const {
  return impl_->application.web_directory();
}

}  // namespace ricardo
