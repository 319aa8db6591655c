// Baseline packages: the one open, documented on-disk format every data source is imported into
// (docs/baseline-format.md), and the built-in baselines shipped under data/baselines/.
//
// A package is a directory holding manifest.toml and CSV tables (regions, sectors, trade flows,
// tariffs, value added, input-output use, final demand, surpluses). Shares are written exactly
// (shortest round-trip decimal form), so WritePackage followed by ReadPackage gives back a
// Baseline equal to the one written, bit for bit.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "ricardo/baseline.hpp"
#include "ricardo/validate.hpp"

namespace ricardo {

// The version of the package format this build reads and writes (manifest key format_version).
inline constexpr int kPackageFormatVersion = 1;

// Loads a built-in baseline by name (e.g. "north-america") or a package directory by path.
// Throws NotFoundError for an unknown name or missing directory, DataError for a malformed one.
Baseline LoadBaseline(const std::string& name_or_directory);

// Names of the baselines shipped in data/baselines/.
std::vector<std::string> BuiltinBaselineNames();

// The package directory LoadBaseline would read: `name_or_directory` itself if it is a directory
// (or contains a '/'), otherwise DataDirectory()/baselines/<name>. Throws NotFoundError, with a
// suggestion, for a name that is neither.
std::filesystem::path ResolveBaseline(const std::string& name_or_directory);

// Reads and validates a package directory. Throws NotFoundError if the directory does not exist
// and DataError carrying the first error otherwise; `warnings` (optional) receives the warnings.
Baseline ReadPackage(const std::filesystem::path& directory,
                     std::vector<PackageIssue>* warnings = nullptr);

// Reads a package and reports every problem found, without throwing for bad data: the first
// structural problem of a file (it cannot be read further), and every consistency error after
// that. Throws NotFoundError only if the directory does not exist.
ValidationReport CheckPackage(const std::filesystem::path& directory);

struct WritePackageOptions {
  // Replace the package files of an existing package in `directory` (other files are kept).
  bool overwrite = false;
  // Written as PROVENANCE.md beside the tables when not empty (ignored by the reader).
  std::string provenance_markdown;
};

// Writes `baseline` as a package. Validates it first (throws DataError on the first error) and
// throws ArgumentError if the directory already holds a package and overwrite is false.
void WritePackage(const Baseline& baseline, const std::filesystem::path& directory,
                  const WritePackageOptions& options = {});

}  // namespace ricardo
