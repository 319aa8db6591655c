// An incremental HTTP/1.1 (and 1.0) request parser: bytes in, as they arrive, a complete
// request or a typed HttpError out. Pure (no sockets, no clock), so that every malformed input
// is a unit test and a fuzz input. Limits hold whatever the framing: the request line, the
// header block (bytes and fields, trailers included) and the body (Content-Length or chunked).
//
// Errors and their statuses: 400 malformed (request line, header syntax, control bytes, bad
// percent-escapes, bad or conflicting Content-Length, Content-Length with Transfer-Encoding,
// bad chunk framing), 413 body over the limit, 414 request line over the limit, 417 an
// expectation other than 100-continue, 431 header block over the limit, 501 a transfer coding
// other than chunked, 505 an HTTP version other than 1.0 and 1.1. Timeouts (408) are the
// caller's (it owns the clock); TimeoutError() words them from what the parser has seen.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "server/http_error.hpp"
#include "server/http_message.hpp"

namespace ricardo::server {

struct HttpLimits {
  // Longest request line (method, target, version), in bytes: 414 beyond.
  std::size_t max_request_line_bytes = 8 * 1024;
  // Largest header block (every field line, trailers included), in bytes: 431 beyond.
  std::size_t max_header_bytes = 16 * 1024;
  // Most header fields (trailers included): 431 beyond.
  std::size_t max_header_count = 100;
  // Largest body once de-chunked, in bytes: 413 beyond.
  std::size_t max_body_bytes = 1 << 20;
};

class HttpParser {
 public:
  enum class Phase { kRequestLine, kHeaders, kBody, kComplete, kError };

  explicit HttpParser(HttpLimits limits);

  // Consumes bytes of `data` until the request is complete or an error is found; returns how
  // many it consumed (the rest belongs to the next, pipelined request).
  std::size_t Feed(std::string_view data);

  Phase phase() const { return phase_; }
  // Some byte of the current request has arrived (empty lines before a request do not count).
  bool started() const { return phase_ != Phase::kRequestLine || !line_.empty(); }
  // Set when phase() is kError; the connection is to be answered with it and closed.
  const std::optional<HttpError>& error() const { return error_; }
  // True once, when the headers asked for `Expect: 100-continue` and the body will be read:
  // the caller sends "100 Continue" (unless body bytes are already there).
  bool TakeContinueRequest();
  // Body bytes received so far (de-chunked) and the announced length (nullopt when chunked).
  std::size_t body_bytes() const { return request_.body.size(); }
  std::optional<std::uint64_t> content_length() const { return content_length_; }

  // The complete request; the parser is ready for the next one.
  HttpRequest TakeRequest();

  // The 408 for a request that did not complete: `stalled` says whether no byte came for
  // `seconds` (the read timeout) or the whole request took longer (the request deadline).
  HttpError TimeoutError(double seconds, bool stalled) const;

 private:
  enum class BodyState { kLength, kChunkSize, kChunkData, kChunkDataEnd, kTrailer };

  bool Fail(HttpError error);
  // A complete line without its CRLF; false after an error.
  bool OnLine(std::string_view line);
  bool OnRequestLine(std::string_view line);
  bool OnHeaderLine(std::string_view line, bool trailer);
  bool OnHeadersEnd();
  bool OnChunkSize(std::string_view line);
  void Complete();
  std::size_t LineLimit() const;

  HttpLimits limits_;
  Phase phase_ = Phase::kRequestLine;
  BodyState body_state_ = BodyState::kLength;
  std::string line_;              // the partial line being read
  bool line_saw_cr_ = false;      // the last byte of line_ was a CR (held back)
  std::size_t header_bytes_ = 0;  // of the current header block, trailers included
  std::size_t header_count_ = 0;
  std::optional<std::uint64_t> content_length_;
  std::uint64_t chunk_left_ = 0;  // bytes of the current chunk (or Content-Length body) to come
  bool continue_requested_ = false;
  std::optional<HttpError> error_;
  HttpRequest request_;
};

// Percent-decodes `text` (and '+' as space when `plus_is_space`, for query strings). nullopt on
// a bad escape or a decoded NUL byte.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

}  // namespace ricardo::server
