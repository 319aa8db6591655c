#include "server/http_parser.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

#include "fmt/format.h"

namespace ricardo::server {
namespace {

// Chunk-size lines carry a size and perhaps extensions, which we ignore but bound.
constexpr std::size_t kMaxChunkLineBytes = 1024;
// How much of a client's text an error message quotes.
constexpr std::size_t kQuoteBytes = 60;

const char* const kGenericWhat =
    "malformed HTTP request: the request line or a header could not be parsed";
const char* const kGenericFix = "send an HTTP/1.1 request such as 'POST /api/v1/solve HTTP/1.1'";
const char* const kBodyLimitFix =
    "send a smaller scenario; the limit is ServerOptions::max_body_bytes (--max-body-bytes)";
const char* const kChunkFix =
    "send the chunks promptly, each as its size in hex, CRLF, the bytes, CRLF, and end with a 0 "
    "chunk";

Location Field(const char* field) {
  return Location{"", 0, 0, field};
}

HttpError BadRequest(const char* field, const std::string& what, const std::string& fix) {
  return HttpError(400, "invalid request", Field(field), what, fix);
}

// Client text quoted in a message: printable ASCII only, cut at kQuoteBytes.
std::string Quote(std::string_view text) {
  std::string out;
  for (const char c : text.substr(0, kQuoteBytes)) {
    const auto u = static_cast<unsigned char>(c);
    out += u >= 0x20 && u < 0x7f ? std::string(1, c) : fmt::format("\\x{:02x}", u);
  }
  if (text.size() > kQuoteBytes) out += "...";
  return out;
}

// RFC 9110 §5.6.2 token characters (method, header names).
bool IsToken(std::string_view text) {
  if (text.empty()) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  });
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text[k] == '%') {
      if (k + 2 >= text.size()) return std::nullopt;
      const int high = HexValue(text[k + 1]), low = HexValue(text[k + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      const char decoded = static_cast<char>(high * 16 + low);
      if (decoded == '\0') return std::nullopt;
      out += decoded;
      k += 2;
    } else if (plus_is_space && text[k] == '+') {
      out += ' ';
    } else {
      out += text[k];
    }
  }
  return out;
}

HttpParser::HttpParser(HttpLimits limits) : limits_(limits) {}

bool HttpParser::Fail(HttpError error) {
  error_ = std::move(error);
  phase_ = Phase::kError;
  return false;
}

std::size_t HttpParser::LineLimit() const {
  switch (phase_) {
    case Phase::kRequestLine: return limits_.max_request_line_bytes;
    case Phase::kHeaders:
      return limits_.max_header_bytes - std::min(header_bytes_, limits_.max_header_bytes);
    default: break;
  }
  if (body_state_ == BodyState::kTrailer) {
    return limits_.max_header_bytes - std::min(header_bytes_, limits_.max_header_bytes);
  }
  return kMaxChunkLineBytes;
}

std::size_t HttpParser::Feed(std::string_view data) {
  std::size_t at = 0;
  while (at < data.size() && (phase_ != Phase::kComplete && phase_ != Phase::kError)) {
    if (phase_ == Phase::kBody &&
        (body_state_ == BodyState::kLength || body_state_ == BodyState::kChunkData)) {
      const std::size_t take =
          static_cast<std::size_t>(std::min<std::uint64_t>(chunk_left_, data.size() - at));
      request_.body.append(data.substr(at, take));
      at += take;
      chunk_left_ -= take;
      if (chunk_left_ == 0) {
        if (body_state_ == BodyState::kLength) {
          Complete();
        } else {
          body_state_ = BodyState::kChunkDataEnd;
        }
      }
      continue;
    }
    const char c = data[at++];
    if (line_saw_cr_) {
      line_saw_cr_ = false;
      if (c != '\n') {
        Fail(BadRequest(phase_ == Phase::kBody ? "body" : "headers",
                        "a CR byte is not followed by LF", "end every line with CRLF"));
        break;
      }
      OnLine(line_);
      line_.clear();
      continue;
    }
    if (c == '\r') {
      line_saw_cr_ = true;
      continue;
    }
    if (c == '\n') {
      OnLine(line_);
      line_.clear();
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7f) {
      const char* field = phase_ == Phase::kRequestLine ? "request line"
                          : phase_ == Phase::kHeaders   ? "headers"
                                                        : "body";
      Fail(BadRequest(field, fmt::format("control byte 0x{:02x} in the {}", u, field),
                      "send text without control bytes; percent-encode them in the path and "
                      "query"));
      break;
    }
    line_.push_back(c);
    if (line_.size() > LineLimit()) {
      if (phase_ == Phase::kRequestLine) {
        Fail(HttpError(414, "URI too long", Field("request line"),
                       fmt::format("the request line is longer than the limit of {} bytes",
                                   limits_.max_request_line_bytes),
                       "shorten the URL; scenarios and edits go in a POST body"));
      } else if (phase_ == Phase::kHeaders || body_state_ == BodyState::kTrailer) {
        Fail(HttpError(431, "headers too large", Field("headers"),
                       fmt::format("the header fields are larger than the limit of {} bytes",
                                   limits_.max_header_bytes),
                       "send fewer or shorter header fields"));
      } else {
        Fail(BadRequest(
            "body", fmt::format("a chunk-size line is longer than {} bytes", kMaxChunkLineBytes),
            kChunkFix));
      }
      break;
    }
  }
  return at;
}

bool HttpParser::OnLine(std::string_view line) {
  switch (phase_) {
    case Phase::kRequestLine:
      // RFC 9112 §2.2: empty lines before a request line are ignored.
      return line.empty() ? true : OnRequestLine(line);
    case Phase::kHeaders:
      header_bytes_ += line.size() + 2;
      return line.empty() ? OnHeadersEnd() : OnHeaderLine(line, false);
    case Phase::kBody:
      switch (body_state_) {
        case BodyState::kChunkSize: return OnChunkSize(line);
        case BodyState::kChunkDataEnd:
          if (!line.empty()) {
            return Fail(BadRequest("body",
                                   "a chunk's data is not followed by CRLF (the chunk "
                                   "is longer than its size says)",
                                   kChunkFix));
          }
          body_state_ = BodyState::kChunkSize;
          return true;
        case BodyState::kTrailer:
          header_bytes_ += line.size() + 2;
          if (line.empty()) {
            Complete();
            return true;
          }
          return OnHeaderLine(line, true);
        case BodyState::kLength:
        case BodyState::kChunkData: break;  // not line-oriented
      }
      break;
    case Phase::kComplete:
    case Phase::kError: break;
  }
  return true;
}

bool HttpParser::OnRequestLine(std::string_view line) {
  const std::size_t first = line.find(' ');
  const std::size_t second = first == std::string_view::npos ? first : line.find(' ', first + 1);
  if (second == std::string_view::npos || line.find(' ', second + 1) != std::string_view::npos ||
      first == 0 || second == first + 1 || second + 1 == line.size()) {
    return Fail(HttpError(400, "invalid request", Location{}, kGenericWhat, kGenericFix));
  }
  const std::string_view method = line.substr(0, first);
  const std::string_view target = line.substr(first + 1, second - first - 1);
  const std::string_view version = line.substr(second + 1);
  const bool version_form = version.size() == 8 && version.starts_with("HTTP/") &&
                            std::isdigit(static_cast<unsigned char>(version[5])) &&
                            version[6] == '.' &&
                            std::isdigit(static_cast<unsigned char>(version[7]));
  if (!version_form) {
    return Fail(HttpError(400, "invalid request", Location{}, kGenericWhat, kGenericFix));
  }
  if (version != "HTTP/1.1" && version != "HTTP/1.0") {
    return Fail(HttpError(505, "HTTP version not supported", Field("request line"),
                          fmt::format("{} is not supported", Quote(version)),
                          "send HTTP/1.1 (or HTTP/1.0)"));
  }
  if (!IsToken(method)) {
    return Fail(BadRequest("request line",
                           fmt::format("method '{}' is not an HTTP token", Quote(method)),
                           "use GET, HEAD or POST"));
  }
  for (const char c : target) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f) {
      return Fail(BadRequest(
          "request line", fmt::format("byte 0x{:02x} in the request target '{}'", u, Quote(target)),
          "percent-encode bytes outside printable ASCII"));
    }
  }
  std::string_view origin = target;
  // Absolute form (RFC 9112 §3.2.2), sent to proxies: keep the path and query.
  for (const std::string_view scheme : {"http://", "https://"}) {
    if (origin.size() > scheme.size() &&
        EqualsIgnoringCase(origin.substr(0, scheme.size()), scheme)) {
      const std::size_t slash = origin.find('/', scheme.size());
      origin = slash == std::string_view::npos ? std::string_view("/") : origin.substr(slash);
    }
  }
  if (origin.empty() || origin.front() != '/') {
    return Fail(BadRequest("request line",
                           fmt::format("the request target '{}' is not a path", Quote(target)),
                           "start the target with '/', e.g. /api/v1/health"));
  }
  const std::size_t question = origin.find('?');
  const std::string_view raw_path = origin.substr(0, question);
  auto path = PercentDecode(raw_path, false);
  if (!path) {
    return Fail(BadRequest("path", fmt::format("'{}' has a bad percent-escape", Quote(raw_path)),
                           "write '%' as '%25'; an escape is '%' and two hex digits, not %00"));
  }
  std::multimap<std::string, std::string> query;
  if (question != std::string_view::npos) {
    std::string_view rest = origin.substr(question + 1);
    while (!rest.empty()) {
      const std::size_t amp = rest.find('&');
      const std::string_view pair = rest.substr(0, amp);
      rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
      if (pair.empty()) continue;
      const std::size_t equals = pair.find('=');
      auto key = PercentDecode(pair.substr(0, equals), true);
      auto value = PercentDecode(
          equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1), true);
      if (!key || !value) {
        return Fail(BadRequest("query", fmt::format("'{}' has a bad percent-escape", Quote(pair)),
                               "write '%' as '%25'; an escape is '%' and two hex digits, not %00"));
      }
      query.emplace(std::move(*key), std::move(*value));
    }
  }
  request_.method = std::string(method);
  request_.target = std::string(target);
  request_.path = std::move(*path);
  request_.query = std::move(query);
  request_.version_minor = version[7] - '0';
  phase_ = Phase::kHeaders;
  return true;
}

bool HttpParser::OnHeaderLine(std::string_view line, bool trailer) {
  if (line.front() == ' ' || line.front() == '\t') {
    return Fail(BadRequest("headers",
                           "a header line starts with whitespace (obsolete line folding)",
                           "put each header field on one line"));
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) {
    return Fail(HttpError(400, "invalid request", Location{}, kGenericWhat, kGenericFix));
  }
  const std::string_view name = line.substr(0, colon);
  if (!IsToken(name)) {
    return Fail(BadRequest("headers",
                           fmt::format("header name '{}' is not an HTTP token", Quote(name)),
                           "write 'Name: value' with no space before the colon"));
  }
  if (++header_count_ > limits_.max_header_count) {
    return Fail(HttpError(431, "headers too large", Field("headers"),
                          fmt::format("more than {} header fields", limits_.max_header_count),
                          "send fewer header fields"));
  }
  // Trailers are read to keep the framing, and dropped: nothing of ours uses them.
  if (!trailer) request_.headers.Add(std::string(name), std::string(Trim(line.substr(colon + 1))));
  return true;
}

bool HttpParser::OnHeadersEnd() {
  const HttpHeaders& headers = request_.headers;
  const std::vector<std::string> lengths = headers.All("Content-Length");
  const std::vector<std::string> codings = headers.All("Transfer-Encoding");
  if (!codings.empty() && !lengths.empty()) {
    return Fail(BadRequest("Transfer-Encoding",
                           "both Content-Length and Transfer-Encoding are given",
                           "send one: Content-Length for a body of known size, or "
                           "Transfer-Encoding: chunked"));
  }
  if (!codings.empty()) {
    std::vector<std::string> list;
    for (const std::string& value : codings) {
      std::string_view rest = value;
      while (true) {
        const std::size_t comma = rest.find(',');
        const std::string_view item = Trim(rest.substr(0, comma));
        if (!item.empty()) list.push_back(Lower(item));
        if (comma == std::string_view::npos) break;
        rest = rest.substr(comma + 1);
      }
    }
    if (list != std::vector<std::string>{"chunked"}) {
      std::string joined;
      for (const std::string& value : codings) joined += (joined.empty() ? "" : ", ") + value;
      return Fail(HttpError(501, "not implemented", Field("Transfer-Encoding"),
                            fmt::format("transfer coding '{}' is not supported", Quote(joined)),
                            "send the body with Content-Length, or with Transfer-Encoding: "
                            "chunked alone"));
    }
  }
  std::optional<std::uint64_t> length;
  for (const std::string& value : lengths) {
    std::string_view rest = value;
    while (true) {
      const std::size_t comma = rest.find(',');
      const std::string_view item = Trim(rest.substr(0, comma));
      if (item.empty() ||
          !std::all_of(item.begin(), item.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return Fail(BadRequest("Content-Length",
                               fmt::format("'{}' is not a number of bytes", Quote(value)),
                               "send the body's size in bytes as decimal digits"));
      }
      std::uint64_t parsed = 0;
      for (const char c : item) {
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (parsed > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) {
          return Fail(BadRequest("Content-Length",
                                 fmt::format("'{}' is out of range", Quote(value)),
                                 "send the body's size in bytes as decimal digits"));
        }
        parsed = parsed * 10 + digit;
      }
      if (length && *length != parsed) {
        return Fail(BadRequest("Content-Length",
                               fmt::format("conflicting values {} and {}", *length, parsed),
                               "send one Content-Length"));
      }
      length = parsed;
      if (comma == std::string_view::npos) break;
      rest = rest.substr(comma + 1);
    }
  }
  if (length && *length > limits_.max_body_bytes) {
    return Fail(
        HttpError(413, "payload too large", Field("Content-Length"),
                  fmt::format("the request body ({} bytes) is larger than the limit of {} bytes",
                              *length, limits_.max_body_bytes),
                  kBodyLimitFix));
  }
  const bool chunked = !codings.empty();
  const bool has_body = chunked || (length && *length > 0);
  if (const std::string& expect = headers.Get("Expect"); headers.Has("Expect")) {
    if (!EqualsIgnoringCase(Trim(expect), "100-continue")) {
      return Fail(HttpError(417, "expectation failed", Field("Expect"),
                            fmt::format("expectation '{}' is not supported", Quote(expect)),
                            "send no Expect header, or Expect: 100-continue"));
    }
    continue_requested_ = has_body && request_.version_minor == 1;
  }
  content_length_ = length;
  header_bytes_ = 0;  // trailers get a header block of their own
  header_count_ = 0;
  if (chunked) {
    phase_ = Phase::kBody;
    body_state_ = BodyState::kChunkSize;
  } else if (has_body) {
    phase_ = Phase::kBody;
    body_state_ = BodyState::kLength;
    chunk_left_ = *length;
  } else {
    Complete();
  }
  return true;
}

bool HttpParser::OnChunkSize(std::string_view line) {
  std::string_view digits = line.substr(0, line.find(';'));
  digits = Trim(digits);
  if (digits.empty() ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return HexValue(c) >= 0; })) {
    return Fail(BadRequest(
        "body", fmt::format("chunk size '{}' is not a hexadecimal number", Quote(digits)),
        kChunkFix));
  }
  std::uint64_t size = 0;
  for (const char c : digits) {
    if (size > (std::numeric_limits<std::uint64_t>::max() >> 4)) {
      return Fail(BadRequest("body", fmt::format("chunk size '{}' is out of range", Quote(digits)),
                             kChunkFix));
    }
    size = size * 16 + static_cast<std::uint64_t>(HexValue(c));
  }
  if (size > limits_.max_body_bytes - std::min(request_.body.size(), limits_.max_body_bytes)) {
    return Fail(HttpError(413, "payload too large", Field("body"),
                          fmt::format("the request body is larger than the limit of {} bytes "
                                      "(it was stopped there)",
                                      limits_.max_body_bytes),
                          kBodyLimitFix));
  }
  if (size == 0) {
    body_state_ = BodyState::kTrailer;
  } else {
    body_state_ = BodyState::kChunkData;
    chunk_left_ = size;
  }
  return true;
}

void HttpParser::Complete() {
  phase_ = Phase::kComplete;
}

bool HttpParser::TakeContinueRequest() {
  const bool requested = continue_requested_ && phase_ == Phase::kBody;
  continue_requested_ = false;
  return requested;
}

HttpRequest HttpParser::TakeRequest() {
  HttpRequest done = std::move(request_);
  request_ = HttpRequest{};
  phase_ = Phase::kRequestLine;
  body_state_ = BodyState::kLength;
  line_.clear();
  line_saw_cr_ = false;
  header_bytes_ = 0;
  header_count_ = 0;
  content_length_.reset();
  chunk_left_ = 0;
  continue_requested_ = false;
  return done;
}

HttpError HttpParser::TimeoutError(double seconds, bool stalled) const {
  if (phase_ != Phase::kBody) {
    return HttpError(408, "request timeout", Field("headers"),
                     fmt::format("the request headers did not complete within {} s", seconds),
                     "send the request line and headers, ended by an empty line, promptly");
  }
  if (content_length_) {
    return HttpError(
        408, "request timeout", Field("body"),
        stalled ? fmt::format("the request body stopped after {} of {} bytes for {} s",
                              body_bytes(), *content_length_, seconds)
                : fmt::format("the request body was not complete within {} s ({} of {} bytes "
                              "arrived)",
                              seconds, body_bytes(), *content_length_),
        "send the whole body promptly, with a Content-Length that matches it");
  }
  return HttpError(
      408, "request timeout", Field("body"),
      stalled ? fmt::format("the chunked request body stopped after {} bytes for {} s",
                            body_bytes(), seconds)
              : fmt::format("the chunked request body was not complete within {} s ({} bytes "
                            "arrived)",
                            seconds, body_bytes()),
      kChunkFix);
}

}  // namespace ricardo::server
