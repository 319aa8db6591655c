// Running a helper program (Node.js for the charts) without a shell, so paths with spaces or
// quotes need no escaping.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ricardo::detail {

struct ProcessResult {
  bool started = false;     // false if the program could not be executed at all
  int exit_code = -1;       // the exit status when it exited normally, else -1
  std::string output;       // stdout and stderr, interleaved
  std::string start_error;  // why it could not start (when !started)
};

// Runs `argv` (argv[0] searched on PATH when it has no slash) and waits for it.
ProcessResult RunProcess(const std::vector<std::string>& argv);

// The absolute path of `program` on PATH (or `program` itself if it has a slash and is
// executable); empty if not found.
std::filesystem::path FindExecutable(const std::string& program);

}  // namespace ricardo::detail
