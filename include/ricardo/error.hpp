// Typed errors. Library code throws these on bad input; the CLI and the HTTP server convert
// them once, at the boundary, into an exit code or an HTTP status with a JSON body.
//
// Every message says where (file, line or row, column or field), what is wrong, and what to do:
//   xbilat1993.txt:12:7: value 'abc' is not a number (expected a decimal number such as 1234.5)
#pragma once

#include <stdexcept>
#include <string>

namespace ricardo {

// Where in an input a problem was found. Unknown parts are left empty or zero.
struct Location {
  std::string file;   // file name or logical source ("request body")
  long line = 0;      // 1-based line or data row; 0 = not applicable
  long column = 0;    // 1-based column; 0 = not applicable
  std::string field;  // named field or key, e.g. "measures[2].rate"

  // "file:line:column" with the parts that are known, or "" if nothing is known.
  std::string ToString() const;
};

enum class ErrorKind {
  kData,      // a data file or baseline package is malformed or inconsistent
  kScenario,  // a scenario file is malformed or refers to unknown things
  kArgument,  // a caller passed an invalid option or argument
  kNotFound,  // a named baseline, scenario or file does not exist
  kLimit,     // a documented limit was reached: time, size, count or memory (the input may be
              // valid; the message names the limit and the option that raises it)
  kOutput,    // an output could not be written (a path, the disk, permissions)
  kInternal,  // a bug: an invariant of ricardo itself failed
};

const char* ToString(ErrorKind kind);

class Error : public std::runtime_error {
 public:
  // `what` describes the problem, `fix` says how to fix it (may be empty).
  Error(ErrorKind kind, Location where, const std::string& what, const std::string& fix = {});

  ErrorKind kind() const { return kind_; }
  const Location& where() const { return where_; }
  const std::string& problem() const { return problem_; }
  const std::string& fix() const { return fix_; }

 private:
  ErrorKind kind_;
  Location where_;
  std::string problem_;
  std::string fix_;
};

class DataError : public Error {
 public:
  DataError(Location where, const std::string& what, const std::string& fix = {})
      : Error(ErrorKind::kData, std::move(where), what, fix) {}
};

class ScenarioError : public Error {
 public:
  ScenarioError(Location where, const std::string& what, const std::string& fix = {})
      : Error(ErrorKind::kScenario, std::move(where), what, fix) {}
};

class ArgumentError : public Error {
 public:
  explicit ArgumentError(const std::string& what, const std::string& fix = {})
      : Error(ErrorKind::kArgument, Location{}, what, fix) {}
};

class NotFoundError : public Error {
 public:
  NotFoundError(Location where, const std::string& what, const std::string& fix = {})
      : Error(ErrorKind::kNotFound, std::move(where), what, fix) {}
};

// A documented limit was reached (time, size, count, memory). `what` names the limit and its
// value; `fix` the option that raises it or how to stay under it.
class LimitError : public Error {
 public:
  LimitError(Location where, const std::string& what, const std::string& fix = {})
      : Error(ErrorKind::kLimit, std::move(where), what, fix) {}
};

// An output (a file, a folder, stdout) could not be written; `where` is the path.
class OutputError : public Error {
 public:
  OutputError(Location where, const std::string& what, const std::string& fix = {})
      : Error(ErrorKind::kOutput, std::move(where), what, fix) {}
};

class InternalError : public Error {
 public:
  explicit InternalError(const std::string& what)
      : Error(ErrorKind::kInternal, Location{}, what, "please report this as a bug") {}
};

}  // namespace ricardo
