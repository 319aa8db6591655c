// The run-result document of a /solve answer written straight to text: byte-identical to
// RunResultToJson(result, options).dump(), without building the ~10,000-node nlohmann tree
// (under all-new-solve load that tree's allocations and frees cost as much as the solve).
// tests/server/answer_json_test.cpp compares the two.
#pragma once

#include <string>

#include "ricardo/report.hpp"
#include "ricardo/run.hpp"

namespace ricardo::server {

std::string RunResultJsonText(const RunResult& result, const RunJsonOptions& options);

}  // namespace ricardo::server
