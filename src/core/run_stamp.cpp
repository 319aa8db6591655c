// The output stamp (ricardo/run_stamp.hpp): what the program is, when it ran, and its JSON form.
#include "ricardo/run_stamp.hpp"

#include <chrono>
#include <ctime>

#include "fmt/format.h"

// src/CMakeLists.txt defines it; a build of these sources elsewhere (the fuzzers) may not.
#ifndef RICARDO_BUILD_TYPE
#define RICARDO_BUILD_TYPE ""
#endif

namespace ricardo {
namespace detail {
extern const char* const kGitCommit;  // generated at build time by cmake/git_commit.cmake
}  // namespace detail

ProgramStamp ThisProgram() {
  ProgramStamp p;
  p.version = RICARDO_VERSION;
  p.git_commit = detail::kGitCommit;
  p.build_type = RICARDO_BUILD_TYPE;
  if (p.build_type.empty()) p.build_type = "unspecified";
  return p;
}

std::string UtcNowIso8601() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

RunStamp NewRunStamp() {
  RunStamp s;
  s.program = ThisProgram();
  s.created_utc = UtcNowIso8601();
  return s;
}

std::string ShellQuote(const std::vector<std::string>& arguments) {
  std::string out;
  for (const auto& a : arguments) {
    if (!out.empty()) out += ' ';
    const bool plain = !a.empty() && a.find_first_not_of(
                                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                         "0123456789-_./=:,+@%") == std::string::npos;
    if (plain) {
      out += a;
      continue;
    }
    out += '\'';
    for (char c : a) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    out += '\'';
  }
  return out;
}

nlohmann::json RunStampToJson(const RunStamp& s) {
  return {{"program",
           {{"name", s.program.name},
            {"version", s.program.version},
            {"git_commit", s.program.git_commit},
            {"build_type", s.program.build_type}}},
          {"scenario_sha256", s.scenario_sha256},
          {"baseline_sha256", s.baseline_sha256},
          {"data_months", s.data_months},
          {"command_line", s.command_line},
          {"created_utc", s.created_utc}};
}

std::string FormatRunStamp(const RunStamp& s) {
  std::string months = "none";
  if (!s.data_months.empty())
    months = s.data_months.size() == 1 ? s.data_months.front()
                                       : fmt::format("{} to {} ({} months)", s.data_months.front(),
                                                     s.data_months.back(), s.data_months.size());
  auto shortHash = [](const std::string& h) { return h.empty() ? std::string("n/a") : h; };
  return fmt::format(
      "{} {} (commit {}, {} build) · scenario SHA-256 {} · baseline SHA-256 {} · "
      "data months {} · command: {} · made {}",
      s.program.name, s.program.version, s.program.git_commit, s.program.build_type,
      shortHash(s.scenario_sha256), shortHash(s.baseline_sha256), months,
      s.command_line.empty() ? "n/a" : s.command_line, s.created_utc);
}

}  // namespace ricardo
