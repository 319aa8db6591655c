// The connection layer of `ricardo serve`: one I/O thread multiplexes every socket with epoll
// (non-blocking), parses requests with HttpParser and hands complete ones to a fixed pool of
// handler threads. Why not a thread per connection (cpp-httplib, before issue 11): a client
// dripping one byte a second held a thread for as long as it liked, and a few hundred of them
// locked everyone out. Here a slow client costs a file descriptor and a buffer, and every
// request has a total deadline for its line, headers and body, whatever the pace of its bytes.
//
// Requests the caller marks cheap (health, static files) are answered on the I/O thread itself,
// so they stay answerable while every handler thread waits for a solve; when the handlers'
// queue is full a request gets 503 at once instead of waiting without bound.
#pragma once

#include <functional>
#include <memory>

#include "server/http_message.hpp"
#include "server/http_parser.hpp"

namespace ricardo::server {

struct FrontEndOptions {
  HttpLimits limits;
  // A request's line, headers and body must all arrive within this many seconds of its first
  // byte (408 beyond), however steadily they trickle in.
  double request_deadline_seconds = 10.0;
  // A request that receives no byte for this many seconds gets 408.
  double read_timeout_seconds = 5.0;
  // An idle connection (between requests, or before the first) is closed after this long.
  double keep_alive_timeout_seconds = 5.0;
  // Writing an answer may take at most this long; the connection is closed beyond.
  double write_timeout_seconds = 5.0;
  // Requests served on one connection before it is closed.
  int keep_alive_max_requests = 10000;
  // Open connections; one more is answered 503 and closed.
  int max_connections = 1024;
  // Threads running the handler (each blocks while its solve runs).
  int handler_threads = 64;
  // Complete requests waiting for a handler thread; one more gets 503.
  int max_queued_requests = 256;
};

class HttpFrontEnd {
 public:
  using Handler = std::function<HttpResponse(const HttpRequest&)>;
  using InlinePredicate = std::function<bool(const HttpRequest&)>;

  // `handle` answers a request (it must not throw; if it does, the answer is a 500).
  // `answer_inline` picks the requests answered on the I/O thread.
  HttpFrontEnd(FrontEndOptions options, Handler handle, InlinePredicate answer_inline);
  ~HttpFrontEnd();
  HttpFrontEnd(const HttpFrontEnd&) = delete;
  HttpFrontEnd& operator=(const HttpFrontEnd&) = delete;

  // Serves the bound, listening socket `listen_fd` (taken over) on background threads.
  void Start(int listen_fd);
  // Blocks until Stop() is called from another thread.
  void Wait();
  // Stops accepting, closes every connection, waits for the running handlers; idempotent.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The JSON answer for an error of the HTTP layer.
HttpResponse ErrorResponse(const HttpError& error);

}  // namespace ricardo::server
