#include "server/http_front_end.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "fmt/format.h"
#include "server/http_error.hpp"

namespace ricardo::server {
namespace {

using Clock = std::chrono::steady_clock;

// epoll user data of the two descriptors that are not connections.
constexpr std::uint64_t kListenId = 0;
constexpr std::uint64_t kWakeId = 1;
// How often deadlines are checked: the resolution of every timeout.
constexpr auto kTick = std::chrono::milliseconds(50);
// After an answer that closes the connection, unread request bytes are drained for this long so
// that closing does not reset the connection (a TCP RST would destroy the answer in flight).
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr std::size_t kReadChunkBytes = 64 * 1024;
constexpr const char* kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

Clock::duration Seconds(double seconds) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

bool WantsKeepAlive(const HttpRequest& request) {
  bool close = false, keep = false;
  for (const std::string& value : request.headers.All("Connection")) {
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t comma = value.find(',', start);
      if (comma == std::string::npos) comma = value.size();
      std::string_view token(value.data() + start, comma - start);
      while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
      while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
      close |= EqualsIgnoringCase(token, "close");
      keep |= EqualsIgnoringCase(token, "keep-alive");
      start = comma + 1;
    }
  }
  if (close) return false;
  return request.version_minor >= 1 || keep;
}

HttpResponse InternalError() {
  HttpResponse response;
  response.status = 500;
  response.SetContent(JsonText(ErrorBody(500, ToString(ErrorKind::kInternal),
                                         "unexpected failure while answering the request",
                                         Location{}, "please report this as a bug")),
                      "application/json");
  return response;
}

}  // namespace

HttpResponse ErrorResponse(const HttpError& error) {
  HttpResponse response;
  response.status = error.status();
  response.SetContent(JsonText(ErrorBody(error)), "application/json");
  return response;
}

struct HttpFrontEnd::Impl {
  enum class State { kReading, kHandling, kWriting, kLingering };

  struct Connection {
    Connection(std::uint64_t i, int f, const HttpLimits& limits) : id(i), fd(f), parser(limits) {}
    std::uint64_t id;
    int fd;
    HttpParser parser;
    State state = State::kReading;
    std::string input;   // received, not yet parsed (a pipelined request's bytes)
    std::string output;  // to send
    std::size_t output_sent = 0;
    std::uint32_t interest = EPOLLIN;
    Clock::time_point request_started, last_read, idle_since, write_started, linger_until;
    bool close_after_write = false;
    int requests = 0;
  };

  struct Job {
    std::uint64_t connection;
    HttpRequest request;
    bool keep_alive;
  };
  struct Done {
    std::uint64_t connection;
    std::string bytes;
    bool close;
  };

  Impl(FrontEndOptions o, Handler h, InlinePredicate p)
      : options(std::move(o)), handle(std::move(h)), answer_inline(std::move(p)) {}

  void Loop();
  void Accept();
  void OnReadable(Connection& c);
  void ProcessInput(Connection& c);
  void Dispatch(Connection& c, HttpRequest request);
  void Respond(Connection& c, const HttpResponse& response, bool head, bool keep_alive,
               int version_minor);
  void StartWrite(Connection& c, std::string bytes, bool close);
  void Flush(Connection& c);
  void OnWritten(Connection& c);
  void CheckDeadlines();
  void SetInterest(Connection& c, std::uint32_t events);
  void Close(Connection& c);
  void HandlerThread();
  HttpResponse SafeHandle(const HttpRequest& request);
  void Wake();

  FrontEndOptions options;
  Handler handle;
  InlinePredicate answer_inline;

  int listen_fd = -1;
  int epoll_fd = -1;
  int wake_fd = -1;
  int spare_fd = -1;  // given up to accept (and refuse) a connection when descriptors run out
  std::uint64_t next_id = 2;
  std::unordered_map<std::uint64_t, std::unique_ptr<Connection>> connections;

  std::atomic<bool> stopping{false};
  std::mutex jobs_mutex;
  std::condition_variable jobs_ready;
  std::deque<Job> jobs;
  int idle_handlers = 0;  // handler threads waiting for a job
  std::mutex done_mutex;
  std::vector<Done> done;

  std::mutex threads_mutex;
  std::thread io_thread;
  std::vector<std::thread> handler_threads;
};

void HttpFrontEnd::Impl::Wake() {
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = ::write(wake_fd, &one, sizeof one);
}

HttpResponse HttpFrontEnd::Impl::SafeHandle(const HttpRequest& request) {
  try {
    return handle(request);
  } catch (...) {
    return InternalError();
  }
}

void HttpFrontEnd::Impl::SetInterest(Connection& c, std::uint32_t events) {
  if (c.interest == events) return;
  epoll_event event{};
  event.events = events;
  event.data.u64 = c.id;
  ::epoll_ctl(epoll_fd, EPOLL_CTL_MOD, c.fd, &event);
  c.interest = events;
}

void HttpFrontEnd::Impl::Close(Connection& c) {
  ::epoll_ctl(epoll_fd, EPOLL_CTL_DEL, c.fd, nullptr);
  ::close(c.fd);
  connections.erase(c.id);  // c is gone
}

void HttpFrontEnd::Impl::Accept() {
  while (true) {
    int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if ((errno == EMFILE || errno == ENFILE) && spare_fd >= 0) {
        // Out of descriptors: accept with the spare one to refuse the client, rather than
        // leave the listener readable forever (the loop would spin).
        ::close(spare_fd);
        fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) ::close(fd);
        spare_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        continue;
      }
      if (errno == EINTR || errno == ECONNABORTED) continue;
      return;  // EAGAIN: none left
    }
    if (static_cast<int>(connections.size()) >= options.max_connections) {
      const HttpResponse busy = ErrorResponse(HttpError(
          503, "busy", Location{"", 0, 0, "connection"},
          fmt::format("the server has its limit of {} open connections", options.max_connections),
          "retry in a moment; the limit is ServerOptions::max_connections (--max-connections)"));
      const std::string bytes = SerializeResponse(busy, false, false, 1);
      [[maybe_unused]] const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      ::shutdown(fd, SHUT_WR);
      ::close(fd);
      continue;
    }
    int yes = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    const std::uint64_t id = next_id++;
    auto connection = std::make_unique<Connection>(id, fd, options.limits);
    connection->idle_since = connection->last_read = Clock::now();
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = id;
    if (::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event) != 0) {
      ::close(fd);
      continue;
    }
    connections.emplace(id, std::move(connection));
  }
}

void HttpFrontEnd::Impl::OnReadable(Connection& c) {
  char buffer[kReadChunkBytes];
  const std::uint64_t id = c.id;
  while (connections.count(id) && (c.state == State::kReading || c.state == State::kLingering)) {
    const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
      Close(c);  // the client went away (or reset): nobody to answer
      return;
    }
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (c.state == State::kLingering) continue;  // drained, unread
    c.last_read = Clock::now();
    c.input.append(buffer, static_cast<std::size_t>(n));
    ProcessInput(c);
  }
}

void HttpFrontEnd::Impl::ProcessInput(Connection& c) {
  // Answers written at once (inline, errors) leave the connection reading again: the loop then
  // parses the next pipelined request, without recursion.
  const std::uint64_t id = c.id;
  while (connections.count(id) && c.state == State::kReading && !c.input.empty()) {
    const bool was_started = c.parser.started();
    const std::size_t used = c.parser.Feed(c.input);
    c.input.erase(0, used);
    if (!was_started && c.parser.started()) c.request_started = c.last_read = Clock::now();
    if (c.parser.TakeContinueRequest() && c.input.empty()) {
      c.output += kContinue;
      Flush(c);
      if (!connections.count(id)) return;
    }
    switch (c.parser.phase()) {
      case HttpParser::Phase::kError:
        Respond(c, ErrorResponse(*c.parser.error()), false, false, 1);
        return;
      case HttpParser::Phase::kComplete: Dispatch(c, c.parser.TakeRequest()); break;
      default: break;
    }
  }
}

void HttpFrontEnd::Impl::Dispatch(Connection& c, HttpRequest request) {
  ++c.requests;
  const bool keep_alive = WantsKeepAlive(request) && c.requests < options.keep_alive_max_requests;
  const bool head = request.method == "HEAD";
  if (answer_inline(request)) {
    Respond(c, SafeHandle(request), head, keep_alive, request.version_minor);
    return;
  }
  {
    std::lock_guard lock(jobs_mutex);
    // A job waits only if no handler thread is idle to take it.
    if (static_cast<int>(jobs.size()) < idle_handlers + options.max_queued_requests) {
      c.state = State::kHandling;
      SetInterest(c, 0);  // the next pipelined request waits in the socket until this answer
      jobs.push_back(Job{c.id, std::move(request), keep_alive});
      jobs_ready.notify_one();
      return;
    }
  }
  Respond(c,
          ErrorResponse(
              HttpError(503, "busy", Location{},
                        fmt::format("all {} handler threads are busy and {} requests wait for one",
                                    options.handler_threads, options.max_queued_requests),
                        "retry in a moment; the limits are --threads and --max-queued-requests")),
          head, keep_alive, request.version_minor);
}

void HttpFrontEnd::Impl::Respond(Connection& c, const HttpResponse& response, bool head,
                                 bool keep_alive, int version_minor) {
  StartWrite(c, SerializeResponse(response, head, keep_alive, version_minor), !keep_alive);
}

void HttpFrontEnd::Impl::StartWrite(Connection& c, std::string bytes, bool close) {
  c.output += bytes;
  c.state = State::kWriting;
  c.write_started = Clock::now();
  c.close_after_write = close;
  Flush(c);
}

void HttpFrontEnd::Impl::Flush(Connection& c) {
  while (c.output_sent < c.output.size()) {
    const ssize_t n = ::send(c.fd, c.output.data() + c.output_sent, c.output.size() - c.output_sent,
                             MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      SetInterest(c, (c.state == State::kReading ? std::uint32_t{EPOLLIN} : 0u) | EPOLLOUT);
      return;
    }
    if (n <= 0) {
      Close(c);
      return;
    }
    c.output_sent += static_cast<std::size_t>(n);
  }
  c.output.clear();
  c.output_sent = 0;
  if (c.state == State::kWriting) {
    OnWritten(c);
  } else if (c.state == State::kReading) {
    SetInterest(c, EPOLLIN);
  }
}

void HttpFrontEnd::Impl::OnWritten(Connection& c) {
  const auto now = Clock::now();
  if (c.close_after_write || stopping) {
    // Tell the client we are done, then drain what it still sends until it closes.
    ::shutdown(c.fd, SHUT_WR);
    c.state = State::kLingering;
    c.linger_until = now + kLingerTime;
    SetInterest(c, EPOLLIN);
    return;
  }
  c.state = State::kReading;
  c.idle_since = c.last_read = now;
  SetInterest(c, EPOLLIN);
}

void HttpFrontEnd::Impl::CheckDeadlines() {
  const auto now = Clock::now();
  std::vector<std::uint64_t> ids;
  ids.reserve(connections.size());
  for (const auto& entry : connections) ids.push_back(entry.first);
  for (const std::uint64_t id : ids) {
    const auto it = connections.find(id);
    if (it == connections.end()) continue;
    Connection& c = *it->second;
    switch (c.state) {
      case State::kReading:
        if (!c.parser.started()) {
          if (now - c.idle_since >= Seconds(options.keep_alive_timeout_seconds)) Close(c);
        } else if (now - c.request_started >= Seconds(options.request_deadline_seconds)) {
          Respond(c, ErrorResponse(c.parser.TimeoutError(options.request_deadline_seconds, false)),
                  false, false, 1);
        } else if (now - c.last_read >= Seconds(options.read_timeout_seconds)) {
          Respond(c, ErrorResponse(c.parser.TimeoutError(options.read_timeout_seconds, true)),
                  false, false, 1);
        }
        break;
      case State::kWriting:
        if (now - c.write_started >= Seconds(options.write_timeout_seconds)) Close(c);
        break;
      case State::kLingering:
        if (now >= c.linger_until) Close(c);
        break;
      case State::kHandling: break;  // the solve has its own time limit
    }
  }
}

void HttpFrontEnd::Impl::Loop() {
  std::vector<epoll_event> events(256);
  auto next_check = Clock::now() + kTick;
  while (!stopping) {
    const int n = ::epoll_wait(epoll_fd, events.data(), static_cast<int>(events.size()),
                               static_cast<int>(kTick.count()));
    for (int k = 0; k < n; ++k) {
      const std::uint64_t id = events[k].data.u64;
      const std::uint32_t what = events[k].events;
      if (id == kListenId) {
        Accept();
        continue;
      }
      if (id == kWakeId) {
        std::uint64_t count;
        [[maybe_unused]] const ssize_t r = ::read(wake_fd, &count, sizeof count);
        std::vector<Done> finished;
        {
          std::lock_guard lock(done_mutex);
          finished.swap(done);
        }
        for (Done& d : finished) {
          const auto it = connections.find(d.connection);
          if (it == connections.end()) continue;  // the client left meanwhile
          Connection& c = *it->second;
          StartWrite(c, std::move(d.bytes), d.close);
          if (connections.count(d.connection)) ProcessInput(c);  // a pipelined request
        }
        continue;
      }
      const auto it = connections.find(id);
      if (it == connections.end()) continue;
      Connection& c = *it->second;
      if (c.state == State::kHandling) {
        // Only errors and hang-ups arrive here (no interest while a handler runs): the client
        // is gone, and its answer will be dropped.
        if (what & (EPOLLERR | EPOLLHUP)) Close(c);
        continue;
      }
      if (what & (EPOLLIN | EPOLLERR | EPOLLHUP)) OnReadable(c);
      if (!connections.count(id)) continue;
      if (what & EPOLLOUT) {
        Flush(c);
        if (connections.count(id)) ProcessInput(c);
      }
    }
    if (Clock::now() >= next_check) {
      CheckDeadlines();
      next_check = Clock::now() + kTick;
    }
  }
  for (auto& entry : connections) ::close(entry.second->fd);
  connections.clear();
}

void HttpFrontEnd::Impl::HandlerThread() {
  while (true) {
    Job job;
    {
      std::unique_lock lock(jobs_mutex);
      ++idle_handlers;
      jobs_ready.wait(lock, [&] { return stopping || !jobs.empty(); });
      --idle_handlers;
      if (stopping) return;
      job = std::move(jobs.front());
      jobs.pop_front();
    }
    const HttpResponse response = SafeHandle(job.request);
    std::string bytes = SerializeResponse(response, job.request.method == "HEAD", job.keep_alive,
                                          job.request.version_minor);
    {
      std::lock_guard lock(done_mutex);
      done.push_back(Done{job.connection, std::move(bytes), !job.keep_alive});
    }
    Wake();
  }
}

HttpFrontEnd::HttpFrontEnd(FrontEndOptions options, Handler handle, InlinePredicate answer_inline)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handle),
                                   std::move(answer_inline))) {}

HttpFrontEnd::~HttpFrontEnd() {
  Stop();
}

void HttpFrontEnd::Start(int listen_fd) {
  Impl& m = *impl_;
  m.listen_fd = listen_fd;
  ::fcntl(listen_fd, F_SETFL, ::fcntl(listen_fd, F_GETFL) | O_NONBLOCK);
  m.epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
  m.wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  m.spare_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  epoll_event event{};
  event.events = EPOLLIN;
  event.data.u64 = kListenId;
  ::epoll_ctl(m.epoll_fd, EPOLL_CTL_ADD, listen_fd, &event);
  event.data.u64 = kWakeId;
  ::epoll_ctl(m.epoll_fd, EPOLL_CTL_ADD, m.wake_fd, &event);
  std::lock_guard lock(m.threads_mutex);
  for (int k = 0; k < m.options.handler_threads; ++k) {
    m.handler_threads.emplace_back([&m] { m.HandlerThread(); });
  }
  m.io_thread = std::thread([&m] { m.Loop(); });
}

void HttpFrontEnd::Wait() {
  std::lock_guard lock(impl_->threads_mutex);
  if (impl_->io_thread.joinable()) impl_->io_thread.join();
}

void HttpFrontEnd::Stop() {
  Impl& m = *impl_;
  {
    std::lock_guard lock(m.jobs_mutex);
    m.stopping = true;
  }
  m.jobs_ready.notify_all();
  if (m.wake_fd >= 0) m.Wake();
  Wait();
  std::lock_guard lock(m.threads_mutex);
  for (std::thread& t : m.handler_threads) t.join();
  m.handler_threads.clear();
  for (int* fd : {&m.listen_fd, &m.epoll_fd, &m.wake_fd, &m.spare_fd}) {
    if (*fd >= 0) ::close(*fd);
    *fd = -1;
  }
}

}  // namespace ricardo::server
