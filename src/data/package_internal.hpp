// Internals shared by the package reader, writer and checks: file names, the money accounts a
// package may carry besides the shares, and where each datum was read (for located messages).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ricardo/baseline.hpp"
#include "ricardo/validate.hpp"

namespace ricardo::data_internal {

inline constexpr const char* kManifestFile = "manifest.toml";
inline constexpr const char* kRegionsFile = "regions.csv";
inline constexpr const char* kSectorsFile = "sectors.csv";
inline constexpr const char* kFlowsFile = "trade_flows.csv";
inline constexpr const char* kTariffsFile = "tariffs.csv";
inline constexpr const char* kValueAddedFile = "value_added.csv";
inline constexpr const char* kInputOutputFile = "input_output.csv";
inline constexpr const char* kFinalDemandFile = "final_demand.csv";
inline constexpr const char* kSurplusFile = "surplus.csv";
inline constexpr const char* kProvenanceFile = "PROVENANCE.md";

// Every file name the format defines (for "unknown file" warnings).
const std::vector<std::string>& PackageFileNames();

// Money values a package may state beside the shares; each is checked against the value the
// shares and flows imply. Absent columns stay empty.
struct GivenAccounts {
  std::optional<Array2> gross_output;          // value_added.csv: gross_output (n, j)
  std::optional<Array2> value_added;           // value_added.csv: value (n, j)
  std::optional<Array3> intermediate_use;      // input_output.csv: value (n, k, j)
  std::optional<Array2> final_demand;          // final_demand.csv: value (n, j)
  std::optional<std::vector<double>> surplus;  // surplus.csv: value (n)
  // The shares were derived from the money values (no share column was given).
  bool value_added_share_from_value = false;
  bool input_share_from_value = false;
};

// The line (and column) each datum was read from; 0 = not from a file.
struct SourceLines {
  std::vector<long> region;                      // regions.csv, per region
  std::vector<long> sector;                      // sectors.csv, per sector
  std::unordered_map<std::size_t, long> flow;    // trade_flows.csv, key (n·N + i)·J + j
  std::unordered_map<std::size_t, long> tariff;  // tariffs.csv, same key
  std::vector<long> value_added;                 // value_added.csv, n·J + j
  std::unordered_map<std::size_t, long> input;   // input_output.csv, key (n·J + k)·J + j
  std::vector<long> final_demand;                // final_demand.csv, n·J + j
  std::vector<long> surplus;                     // surplus.csv, per region
  // Column numbers of the value columns, by file and column name ("value_added.csv/share").
  std::unordered_map<std::string, long> column;
  bool from_files = false;
};

struct PackageData {
  Baseline baseline;
  GivenAccounts given;
  SourceLines lines;
  bool final_demand_from_identity = false;  // final_demand.csv absent or without shares
};

// The semantic checks (shared by ValidateBaseline and the package reader). With lines from
// files, issues point at file:line:column; otherwise at a field of the Baseline.
void CheckPackageData(const PackageData& data, ValidationReport& report);

// manifest.toml
Manifest ReadManifest(const std::filesystem::path& path, ValidationReport& report);
// The manifest's value rules, shared by ReadManifest (errors at the TOML key) and the check of
// baselines built in memory (errors at the Manifest field): what is wrong, or nothing. Each
// caller says how to fix it in its own terms (a key to write, a field to set).
std::optional<std::string> YearProblem(std::int64_t year);
std::optional<std::string> CurrencyProblem(const std::string& currency);
std::optional<std::string> MoneyUnitProblem(double money_unit);
std::string ManifestToToml(const Manifest& manifest);

}  // namespace ricardo::data_internal
