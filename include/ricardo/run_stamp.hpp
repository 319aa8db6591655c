// The stamp every output carries (run.json's `stamp`, manifest.json, the HTML report's footer),
// so that a result can be traced to the program, the inputs and the command that made it
// (docs/run-result-schema.md, "stamp"; docs/reports.md, "Reproducible outputs").
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "nlohmann/json.hpp"

namespace ricardo {

struct ProgramStamp {
  std::string name = "ricardo";
  std::string version;  // the project version, e.g. "0.1.0"
  // `git rev-parse HEAD` of the source tree at build time, with "-dirty" when tracked files had
  // uncommitted changes; "unknown" when built outside a git checkout (e.g. from a tarball).
  std::string git_commit;
  std::string build_type;  // CMAKE_BUILD_TYPE, e.g. "Release"
};

// The program as built: name, version, commit, build type.
ProgramStamp ThisProgram();

struct RunStamp {
  ProgramStamp program;
  // SHA-256 (lower-case hex) of the scenario file's bytes as read; for a scenario edited through
  // the HTTP API, of the canonical TOML text actually compiled. Empty when there was none.
  std::string scenario_sha256;
  // PackageSha256 of the baseline package directory the run read (built-in baselines are
  // package directories too). Empty when the baseline did not come from a package.
  std::string baseline_sha256;
  // The months ("YYYY-MM") of product import weights and USMCA shares the compile used
  // (CompileTrace::months); empty when it used none.
  std::vector<std::string> data_months;
  // The command as typed, each argument shell-quoted where needed (ShellQuote); for the HTTP
  // API, the method and path ("POST /api/v1/run").
  std::string command_line;
  std::string created_utc;  // when the run was made, ISO 8601 UTC: "2026-12-03T14:05:09Z"

  bool empty() const {
    return scenario_sha256.empty() && baseline_sha256.empty() && command_line.empty();
  }
};

// A stamp with the program and created_utc filled in, the rest empty.
RunStamp NewRunStamp();

// SHA-256 of `bytes`, lower-case hex (64 characters).
std::string Sha256Hex(std::string_view bytes);
// SHA-256 of a file's bytes. NotFoundError if it cannot be read.
std::string FileSha256(const std::filesystem::path& file);
// SHA-256 of a package directory: of the text that `sha256sum` prints for every regular file
// under it, in byte order of their relative paths ('/'-separated), one line each:
// "<sha256 of the file>  <relative path>\n". The same as
//   cd DIR && find . -type f | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum | sha256sum
// so anyone can check it with coreutils. Hidden files (names starting with '.') are left out.
std::string PackageSha256(const std::filesystem::path& directory);

// `arguments` joined by spaces, each quoted for a POSIX shell when it holds anything but
// letters, digits and -_./=:,+@% (single quotes; a ' inside becomes '\'').
std::string ShellQuote(const std::vector<std::string>& arguments);
// The current time as "YYYY-MM-DDTHH:MM:SSZ".
std::string UtcNowIso8601();

// The stamp as the JSON object of run.json's `stamp` and manifest.json.
nlohmann::json RunStampToJson(const RunStamp& stamp);
// One line for people (the report's footer, chart subtitles use parts of it).
std::string FormatRunStamp(const RunStamp& stamp);

}  // namespace ricardo
