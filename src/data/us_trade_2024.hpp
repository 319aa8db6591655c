// The 2024 US goods trade the built-in baselines are rescaled to, read from
// ../shared/data/world/trade/ (docs/baseline-format.md, "2024 totals"): US imports from and
// exports to each partner of the world baseline, the world totals, and US imports by GTAP
// sector and partner group. Where the shared data have no full-year Census figure the value is
// estimated by a stated rule, recorded in `how`.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace ricardo::data_internal {

struct TradeTotal {
  double value_usd = 0.0;
  std::string how;  // source row or estimation rule, one line for PROVENANCE.md
};

struct UsTrade2024 {
  // Keyed by ricardo region code (CAN, MEX, CHN, EU27, GBR, JPN, KOR, TWN, IND, BRA).
  std::map<std::string, TradeTotal> imports;  // US goods imports from the partner
  std::map<std::string, TradeTotal> exports;  // US goods exports to the partner (where known)
  TradeTotal world_imports, world_exports;
  // US imports for consumption by GTAP goods sector (lower case) and partner group (china,
  // canada, mexico, uk, japan, eu, row, ftrow), US$.
  std::vector<std::string> gtap_codes;
  std::map<std::string, std::vector<double>> group_imports_usd;  // group → per gtap code
  std::vector<std::string> notes;  // each estimation step with its numbers
};

// Reads the three trade files of `world_directory` (its trade/ folder). Throws NotFoundError for
// a missing file, DataError (file:line:column) for a malformed one or a missing row.
UsTrade2024 ReadUsTrade2024(const std::filesystem::path& world_directory);

// Canada–Mexico goods trade in 2024 (Statistics Canada, US$), as catalogued in
// shared/data/README.md: Canada's imports from Mexico and its exports to Mexico.
inline constexpr double kCanadaImportsFromMexico2024Usd = 34.3e9;
inline constexpr double kCanadaExportsToMexico2024Usd = 6.3e9;

}  // namespace ricardo::data_internal
