// HttpParser without sockets: every error class with its exact status and message, framing
// (Content-Length, chunked, pipelining), and the limits whatever the framing.
#include "server/http_parser.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ricardo::server {
namespace {

HttpLimits SmallLimits() {
  HttpLimits limits;
  limits.max_request_line_bytes = 64;
  limits.max_header_bytes = 256;
  limits.max_header_count = 4;
  limits.max_body_bytes = 100;
  return limits;
}

// Feeds `bytes` one byte at a time (the hardest split) and returns the parser.
HttpParser FeedBytewise(const std::string& bytes, HttpLimits limits = SmallLimits()) {
  HttpParser parser(limits);
  for (const char c : bytes) {
    if (parser.phase() == HttpParser::Phase::kComplete ||
        parser.phase() == HttpParser::Phase::kError) {
      break;
    }
    parser.Feed(std::string_view(&c, 1));
  }
  return parser;
}

struct ErrorCase {
  std::string name;
  std::string bytes;
  int status;
  std::string message;
};

std::vector<ErrorCase> ErrorCases() {
  const std::string get = "GET / HTTP/1.1\r\n";
  const std::string post = "POST /api/v1/solve HTTP/1.1\r\n";
  return {
      {"not HTTP", "THIS IS NOT HTTP\r\n\r\n", 400,
       "malformed HTTP request: the request line or a header could not be parsed (send an "
       "HTTP/1.1 request such as 'POST /api/v1/solve HTTP/1.1')"},
      {"two spaces", "GET  / HTTP/1.1\r\n\r\n", 400,
       "malformed HTTP request: the request line or a header could not be parsed (send an "
       "HTTP/1.1 request such as 'POST /api/v1/solve HTTP/1.1')"},
      {"version 2", "GET / HTTP/2.0\r\n\r\n", 505,
       "request line: HTTP/2.0 is not supported (send HTTP/1.1 (or HTTP/1.0))"},
      {"bad method", "G(T / HTTP/1.1\r\n\r\n", 400,
       "request line: method 'G(T' is not an HTTP token (use GET, HEAD or POST)"},
      {"target not a path", "GET api HTTP/1.1\r\n\r\n", 400,
       "request line: the request target 'api' is not a path (start the target with '/', e.g. "
       "/api/v1/health)"},
      {"non-ASCII target", "GET /\xff HTTP/1.1\r\n\r\n", 400,
       "request line: byte 0xff in the request target '/\\xff' (percent-encode bytes outside "
       "printable ASCII)"},
      {"bad path escape", "GET /a%zz HTTP/1.1\r\n\r\n", 400,
       "path: '/a%zz' has a bad percent-escape (write '%' as '%25'; an escape is '%' and two "
       "hex digits, not %00)"},
      {"truncated path escape", "GET /a%4 HTTP/1.1\r\n\r\n", 400,
       "path: '/a%4' has a bad percent-escape (write '%' as '%25'; an escape is '%' and two hex "
       "digits, not %00)"},
      {"NUL path escape", "GET /a%00 HTTP/1.1\r\n\r\n", 400,
       "path: '/a%00' has a bad percent-escape (write '%' as '%25'; an escape is '%' and two "
       "hex digits, not %00)"},
      {"bad query escape", "GET /?date=%G1 HTTP/1.1\r\n\r\n", 400,
       "query: 'date=%G1' has a bad percent-escape (write '%' as '%25'; an escape is '%' and "
       "two hex digits, not %00)"},
      {"NUL byte in header", get + "Host: a" + std::string(1, '\0') + "b\r\n\r\n", 400,
       "headers: control byte 0x00 in the headers (send text without control bytes; "
       "percent-encode them in the path and query)"},
      {"bare CR", get + "Host: a\rb\r\n\r\n", 400,
       "headers: a CR byte is not followed by LF (end every line with CRLF)"},
      {"request line too long", "GET /" + std::string(80, 'a') + " HTTP/1.1\r\n\r\n", 414,
       "request line: the request line is longer than the limit of 64 bytes (shorten the URL; "
       "scenarios and edits go in a POST body)"},
      {"header block too large", get + "X-A: " + std::string(300, 'a') + "\r\n\r\n", 431,
       "headers: the header fields are larger than the limit of 256 bytes (send fewer or "
       "shorter header fields)"},
      {"too many headers", get + "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n\r\n", 431,
       "headers: more than 4 header fields (send fewer header fields)"},
      {"space before colon", get + "Host : x\r\n\r\n", 400,
       "headers: header name 'Host ' is not an HTTP token (write 'Name: value' with no space "
       "before the colon)"},
      {"folded header", get + "X-A: 1\r\n 2\r\n\r\n", 400,
       "headers: a header line starts with whitespace (obsolete line folding) (put each header "
       "field on one line)"},
      {"header without colon", get + "Host\r\n\r\n", 400,
       "malformed HTTP request: the request line or a header could not be parsed (send an "
       "HTTP/1.1 request such as 'POST /api/v1/solve HTTP/1.1')"},
      {"negative Content-Length", post + "Content-Length: -1\r\n\r\n", 400,
       "Content-Length: '-1' is not a number of bytes (send the body's size in bytes as decimal "
       "digits)"},
      {"Content-Length overflow", post + "Content-Length: 99999999999999999999999\r\n\r\n", 400,
       "Content-Length: '99999999999999999999999' is out of range (send the body's size in "
       "bytes as decimal digits)"},
      {"conflicting Content-Length", post + "Content-Length: 3\r\nContent-Length: 4\r\n\r\n", 400,
       "Content-Length: conflicting values 3 and 4 (send one Content-Length)"},
      {"conflicting Content-Length list", post + "Content-Length: 3, 4\r\n\r\n", 400,
       "Content-Length: conflicting values 3 and 4 (send one Content-Length)"},
      {"Content-Length over the limit", post + "Content-Length: 101\r\n\r\n", 413,
       "Content-Length: the request body (101 bytes) is larger than the limit of 100 bytes (send "
       "a smaller scenario; the limit is ServerOptions::max_body_bytes (--max-body-bytes))"},
      {"Content-Length and chunked",
       post + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400,
       "Transfer-Encoding: both Content-Length and Transfer-Encoding are given (send one: "
       "Content-Length for a body of known size, or Transfer-Encoding: chunked)"},
      {"gzip coding", post + "Transfer-Encoding: gzip, chunked\r\n\r\n", 501,
       "Transfer-Encoding: transfer coding 'gzip, chunked' is not supported (send the body with "
       "Content-Length, or with Transfer-Encoding: chunked alone)"},
      {"bad chunk size", post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n", 400,
       "body: chunk size 'zz' is not a hexadecimal number (send the chunks promptly, each as its "
       "size in hex, CRLF, the bytes, CRLF, and end with a 0 chunk)"},
      {"chunk size overflow", post + "Transfer-Encoding: chunked\r\n\r\n10000000000000000\r\n", 400,
       "body: chunk size '10000000000000000' is out of range (send the chunks promptly, each as "
       "its size in hex, CRLF, the bytes, CRLF, and end with a 0 chunk)"},
      {"chunks over the limit",
       post + "Transfer-Encoding: chunked\r\n\r\n40\r\n" + std::string(64, 'x') + "\r\n40\r\n", 413,
       "body: the request body is larger than the limit of 100 bytes (it was stopped there) "
       "(send a smaller scenario; the limit is ServerOptions::max_body_bytes (--max-body-bytes))"},
      {"chunk longer than its size", post + "Transfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", 400,
       "body: a chunk's data is not followed by CRLF (the chunk is longer than its size says) "
       "(send the chunks promptly, each as its size in hex, CRLF, the bytes, CRLF, and end with "
       "a 0 chunk)"},
      {"trailers over the limit",
       post + "Transfer-Encoding: chunked\r\n\r\n0\r\nX-T: " + std::string(300, 't') + "\r\n\r\n",
       431,
       "headers: the header fields are larger than the limit of 256 bytes (send fewer or "
       "shorter header fields)"},
      {"unknown expectation", post + "Expect: teapot\r\nContent-Length: 2\r\n\r\n", 417,
       "Expect: expectation 'teapot' is not supported (send no Expect header, or Expect: "
       "100-continue)"},
  };
}

class ParserErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ParserErrors, GiveTheirStatusAndMessageWhateverTheSplit) {
  const ErrorCase& c = GetParam();
  for (const bool bytewise : {false, true}) {
    HttpParser whole(SmallLimits());
    HttpParser parser = bytewise ? FeedBytewise(c.bytes) : std::move(whole);
    if (!bytewise) parser.Feed(c.bytes);
    ASSERT_EQ(parser.phase(), HttpParser::Phase::kError)
        << c.name << (bytewise ? " (bytewise)" : "");
    EXPECT_EQ(parser.error()->status(), c.status);
    EXPECT_EQ(std::string(parser.error()->what()), c.message);
  }
}

INSTANTIATE_TEST_SUITE_P(HttpParser, ParserErrors, ::testing::ValuesIn(ErrorCases()),
                         [](const ::testing::TestParamInfo<ErrorCase>& info) {
                           std::string name;
                           for (char c : info.param.name) name += std::isalnum(c) ? c : '_';
                           return name;
                         });

TEST(HttpParser, ReadsAGetWithDecodedPathQueryAndCaseInsensitiveHeaders) {
  HttpParser parser(HttpLimits{});
  parser.Feed(
      "GET /api/v1/scenarios/a%20b?date=2025-11-01&x=a+b%26c&flag HTTP/1.0\r\n"
      "HOST: x\r\nconnection: Keep-Alive\r\n\r\n");
  ASSERT_EQ(parser.phase(), HttpParser::Phase::kComplete);
  const HttpRequest r = parser.TakeRequest();
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.path, "/api/v1/scenarios/a b");
  EXPECT_EQ(r.target, "/api/v1/scenarios/a%20b?date=2025-11-01&x=a+b%26c&flag");
  EXPECT_EQ(r.version_minor, 0);
  EXPECT_EQ(r.query.find("date")->second, "2025-11-01");
  EXPECT_EQ(r.query.find("x")->second, "a b&c");
  EXPECT_EQ(r.query.find("flag")->second, "");
  EXPECT_EQ(r.headers.Get("Host"), "x");
  EXPECT_EQ(r.headers.Get("Connection"), "Keep-Alive");
  EXPECT_EQ(parser.phase(), HttpParser::Phase::kRequestLine);
  EXPECT_FALSE(parser.started());
}

TEST(HttpParser, ReadsAChunkedBodyWithExtensionsAndTrailersBytewise) {
  HttpParser parser = FeedBytewise(
      "POST /s HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n"
      "3;name=value\r\nabc\r\nA\r\n0123456789\r\n0\r\nX-Checksum: 1\r\n\r\n");
  ASSERT_EQ(parser.phase(), HttpParser::Phase::kComplete);
  const HttpRequest r = parser.TakeRequest();
  EXPECT_EQ(r.body, "abc0123456789");
  EXPECT_FALSE(r.headers.Has("X-Checksum"));  // trailers are dropped
}

TEST(HttpParser, StopsAtTheEndOfARequestSoPipelinedOnesFollow) {
  HttpParser parser(SmallLimits());
  const std::string two = "POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nxyzGET /b HTTP/1.1\r\n\r\n";
  const std::size_t used = parser.Feed(two);
  ASSERT_EQ(parser.phase(), HttpParser::Phase::kComplete);
  EXPECT_EQ(parser.TakeRequest().body, "xyz");
  EXPECT_EQ(parser.Feed(std::string_view(two).substr(used)), two.size() - used);
  ASSERT_EQ(parser.phase(), HttpParser::Phase::kComplete);
  EXPECT_EQ(parser.TakeRequest().path, "/b");
}

TEST(HttpParser, AsksFor100ContinueOnlyWhenTheBodyWillBeRead) {
  HttpParser parser(SmallLimits());
  parser.Feed("POST /a HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
  EXPECT_TRUE(parser.TakeContinueRequest());
  EXPECT_FALSE(parser.TakeContinueRequest());  // once
  parser.Feed("abc");
  EXPECT_EQ(parser.phase(), HttpParser::Phase::kComplete);

  HttpParser too_large(SmallLimits());
  too_large.Feed("POST /a HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 1000\r\n\r\n");
  EXPECT_FALSE(too_large.TakeContinueRequest());
  EXPECT_EQ(too_large.error()->status(), 413);
}

TEST(HttpParser, EmptyLinesBeforeARequestAreNotItsStart) {
  HttpParser parser(SmallLimits());
  parser.Feed("\r\n\r\n");
  EXPECT_FALSE(parser.started());
  parser.Feed("G");
  EXPECT_TRUE(parser.started());
}

TEST(HttpParser, TimeoutMessagesSayWhatArrived) {
  HttpParser headers(SmallLimits());
  headers.Feed("POST /a HTTP/1.1\r\nHost: x\r\n");
  EXPECT_EQ(std::string(headers.TimeoutError(10, false).what()),
            "headers: the request headers did not complete within 10 s (send the request line "
            "and headers, ended by an empty line, promptly)");
  HttpParser body(SmallLimits());
  body.Feed("POST /a HTTP/1.1\r\nContent-Length: 40\r\n\r\n0123456789");
  EXPECT_EQ(std::string(body.TimeoutError(1, true).what()),
            "body: the request body stopped after 10 of 40 bytes for 1 s (send the whole body "
            "promptly, with a Content-Length that matches it)");
  EXPECT_EQ(std::string(body.TimeoutError(10, false).what()),
            "body: the request body was not complete within 10 s (10 of 40 bytes arrived) (send "
            "the whole body promptly, with a Content-Length that matches it)");
  HttpParser chunked(SmallLimits());
  chunked.Feed("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab");
  EXPECT_EQ(std::string(chunked.TimeoutError(10, false).what()),
            "body: the chunked request body was not complete within 10 s (2 bytes arrived) (send "
            "the chunks promptly, each as its size in hex, CRLF, the bytes, CRLF, and end with a "
            "0 chunk)");
  EXPECT_EQ(body.TimeoutError(1, true).status(), 408);
}

TEST(HttpMessage, SerializesHeadWithTheLengthButNoBody) {
  HttpResponse response;
  response.SetContent("{}", "application/json");
  EXPECT_EQ(SerializeResponse(response, true, true, 1),
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n");
  EXPECT_EQ(SerializeResponse(response, false, false, 1),
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
            "Connection: close\r\n\r\n{}");
}

}  // namespace
}  // namespace ricardo::server
