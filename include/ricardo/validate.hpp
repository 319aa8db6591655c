// Validation of baselines and baseline packages: errors that stop a baseline from being used
// and warnings about data that are legal but suspicious, each with a location and a fix.
//
// Errors found in a package point at a file, line and column ("trade_flows.csv:7:4: ...");
// errors found in a Baseline held in memory point at a field ("trade_flows[USA, CAN, metals]").
// docs/baseline-format.md lists every check.
#pragma once

#include <string>
#include <vector>

#include "ricardo/baseline.hpp"
#include "ricardo/error.hpp"

namespace ricardo {

struct PackageIssue {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  Location where;
  std::string problem;  // what is wrong
  std::string fix;      // what to do about it (may be empty)

  // "where: problem (fix)", the same text a DataError with these parts carries.
  std::string ToString() const;
};

struct ValidationReport {
  std::vector<PackageIssue> errors;  // the baseline cannot be used until these are fixed
  std::vector<PackageIssue>
      warnings;  // legal but suspicious: zero domestic sales, tiny sectors, ...
  bool ok() const { return errors.empty(); }
};

// Every check of docs/baseline-format.md on a Baseline in memory: dimensions, non-negative and
// finite flows and rates, value-added shares in [0, 1], input shares and final-demand shares
// summing to one, θ > 0, no foreign trade in non-tradable sectors, positive value added.
ValidationReport ValidateBaseline(const Baseline& baseline);

// Throws DataError carrying the first error of `report`, if it has one.
void ThrowIfInvalid(const ValidationReport& report);

}  // namespace ricardo
