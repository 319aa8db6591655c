// Reading a baseline package directory into a Baseline (docs/baseline-format.md).
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/suggest.hpp"
#include "data/package_internal.hpp"
#include "data/table_binding.hpp"
#include "fmt/format.h"
#include "ricardo/calibrate.hpp"
#include "ricardo/cp2015.hpp"
#include "ricardo/error.hpp"
#include "ricardo/package.hpp"

namespace ricardo::data_internal {
namespace {

using CodeIndex = std::unordered_map<std::string, std::size_t>;

struct Codes {
  CodeIndex region_index, sector_index;
  std::vector<std::string> regions, sectors;
};

BoundTable Open(const std::filesystem::path& dir, const char* file,
                const std::vector<ColumnSpec>& columns) {
  const auto path = dir / file;
  if (!std::filesystem::exists(path)) {
    throw DataError(Location{file, 0, 0, ""}, "missing table",
                    "every package needs regions.csv, sectors.csv, trade_flows.csv, tariffs.csv, "
                    "value_added.csv and input_output.csv; see docs/baseline-format.md");
  }
  return BoundTable(ReadCsvFile(path, file), columns);
}

void CheckCodeSyntax(const BoundTable& t, const CsvRecord& r, const std::string& code,
                     const char* what) {
  if (code.empty()) {
    throw DataError(t.At(r, "code"), fmt::format("empty {} code", what),
                    "give every row a short code such as USA or metals");
  }
  for (char c : code) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '.';
    if (!ok) {
      throw DataError(t.At(r, "code"),
                      fmt::format("{} code '{}' contains '{}'", what, code, std::string(1, c)),
                      "codes may only hold letters, digits, '_', '-' and '.'");
    }
  }
}

std::vector<Region> ReadRegions(const std::filesystem::path& dir, SourceLines& lines) {
  const BoundTable t = Open(dir, kRegionsFile, {{"code"}, {"name", false}});
  std::vector<Region> regions;
  CodeIndex seen;
  for (const auto& r : t.records()) {
    Region region{t.Text(r, "code"), t.Has("name") ? t.Text(r, "name") : std::string{}};
    CheckCodeSyntax(t, r, region.code, "region");
    if (seen.count(region.code)) {
      throw DataError(t.At(r, "code"),
                      fmt::format("duplicate region code '{}', first on line {}", region.code,
                                  lines.region[seen[region.code]]),
                      "every region needs its own code");
    }
    seen[region.code] = regions.size();
    lines.region.push_back(r.line);
    regions.push_back(std::move(region));
  }
  if (regions.size() < 2) {
    throw DataError(
        Location{kRegionsFile, 0, 0, ""},
        fmt::format("{} region(s) listed; the model needs at least two", regions.size()),
        "list every region, one per row (e.g. the rest of the world as ROW)");
  }
  return regions;
}

std::vector<Sector> ReadSectors(const std::filesystem::path& dir, SourceLines& lines) {
  const BoundTable t = Open(dir, kSectorsFile,
                            {{"code"},
                             {"name", false},
                             {"tradable"},
                             {"theta"},
                             {"theta_se", false},
                             {"isic_rev3", false}});
  lines.column[std::string(kSectorsFile) + "/theta"] = t.ColumnNumber("theta");
  std::vector<Sector> sectors;
  CodeIndex seen;
  for (const auto& r : t.records()) {
    Sector s;
    s.code = t.Text(r, "code");
    CheckCodeSyntax(t, r, s.code, "sector");
    if (seen.count(s.code)) {
      throw DataError(t.At(r, "code"),
                      fmt::format("duplicate sector code '{}', first on line {}", s.code,
                                  lines.sector[seen[s.code]]),
                      "every sector needs its own code");
    }
    s.name = t.Has("name") ? t.Text(r, "name") : std::string{};
    const std::string tradable = t.Text(r, "tradable");
    if (tradable == "true") {
      s.tradable = true;
    } else if (tradable == "false") {
      s.tradable = false;
    } else {
      throw DataError(t.At(r, "tradable"),
                      fmt::format("tradable must be true or false, not '{}'", tradable),
                      "write true for a sector traded across borders, false otherwise");
    }
    const auto theta = t.OptionalNumber(t.Text(r, "theta"), r, "theta");
    if (!theta) {
      if (s.tradable) {
        throw DataError(t.At(r, "theta"),
                        fmt::format("tradable sector '{}' has no trade elasticity theta", s.code),
                        "give theta > 0, e.g. from Caliendo and Parro 2015, or mark the sector "
                        "tradable = false");
      }
      // A non-tradable sector's price moves with its own cost whatever θ is; the authors' value.
      s.theta = cp2015::kNonTradableTheta;
    } else {
      s.theta = *theta;
    }
    if (t.Has("theta_se")) {
      const auto se = t.OptionalNumber(t.Text(r, "theta_se"), r, "theta_se");
      if (se && !(*se >= 0.0)) {
        throw DataError(
            t.At(r, "theta_se"),
            fmt::format("theta_se of sector '{}' is {}, must be 0 or more", s.code, *se),
            "give the standard error of theta's estimate, or leave the cell empty "
            "(theta is then held fixed in --draws)");
      }
      s.theta_se = se.value_or(0.0);
    }
    s.isic_rev3 = t.Has("isic_rev3") ? t.Text(r, "isic_rev3") : std::string{};
    seen[s.code] = sectors.size();
    lines.sector.push_back(r.line);
    sectors.push_back(std::move(s));
  }
  if (sectors.empty()) {
    throw DataError(Location{kSectorsFile, 0, 0, ""}, "no sectors listed",
                    "list at least one sector, one per row");
  }
  return sectors;
}

Codes MakeCodes(const Baseline& b) {
  Codes c;
  for (std::size_t n = 0; n < b.regions.size(); ++n) {
    c.region_index[b.regions[n].code] = n;
    c.regions.push_back(b.regions[n].code);
  }
  for (std::size_t j = 0; j < b.sectors.size(); ++j) {
    c.sector_index[b.sectors[j].code] = j;
    c.sectors.push_back(b.sectors[j].code);
  }
  return c;
}

void DuplicateRow(const BoundTable& t, const CsvRecord& r, long first_line) {
  throw DataError(Location{t.file(), r.line, 0, ""},
                  fmt::format("duplicate row: the same key is on line {}", first_line),
                  "list each combination once");
}

// trade_flows.csv or tariffs.csv: (importer, exporter, sector) -> value; absent rows are 0.
void ReadBilateral(const std::filesystem::path& dir, const char* file, const char* value_column,
                   const Codes& c, Array3& out, std::unordered_map<std::size_t, long>& line_of,
                   SourceLines& lines) {
  const BoundTable t = Open(dir, file, {{"importer"}, {"exporter"}, {"sector"}, {value_column}});
  const std::size_t N = out.dim0(), J = out.dim2();
  lines.column[std::string(file) + "/" + value_column] = t.ColumnNumber(value_column);
  for (const auto& r : t.records()) {
    const std::size_t n = t.Code(r, "importer", c.region_index, c.regions, "region", kRegionsFile);
    const std::size_t i = t.Code(r, "exporter", c.region_index, c.regions, "region", kRegionsFile);
    const std::size_t j = t.Code(r, "sector", c.sector_index, c.sectors, "sector", kSectorsFile);
    const std::size_t key = (n * N + i) * J + j;
    if (const auto it = line_of.find(key); it != line_of.end()) DuplicateRow(t, r, it->second);
    line_of[key] = r.line;
    out(n, i, j) = t.Number(r, value_column);
  }
}

// A (region, sector) table that must list every pair: value_added.csv, final_demand.csv.
// Returns the table so that the caller can read its value columns.
struct RegionSectorRows {
  std::vector<const CsvRecord*> record;  // n·J + j
};

RegionSectorRows ReadRegionSectorKeys(const BoundTable& t, const Codes& c, std::size_t N,
                                      std::size_t J, std::vector<long>& line_of) {
  RegionSectorRows rows;
  rows.record.assign(N * J, nullptr);
  line_of.assign(N * J, 0);
  for (const auto& r : t.records()) {
    const std::size_t n = t.Code(r, "region", c.region_index, c.regions, "region", kRegionsFile);
    const std::size_t j = t.Code(r, "sector", c.sector_index, c.sectors, "sector", kSectorsFile);
    if (rows.record[n * J + j]) DuplicateRow(t, r, line_of[n * J + j]);
    rows.record[n * J + j] = &r;
    line_of[n * J + j] = r.line;
  }
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t j = 0; j < J; ++j) {
      if (!rows.record[n * J + j]) {
        throw DataError(
            Location{t.file(), 0, 0, ""},
            fmt::format("no row for region '{}', sector '{}'", c.regions[n], c.sectors[j]),
            "list every region-sector pair, one per row");
      }
    }
  }
  return rows;
}

void RequireOneOf(const BoundTable& t, const char* a, const char* b) {
  if (!t.Has(a) && !t.Has(b)) {
    throw DataError(Location{t.file(), 1, 0, ""},
                    fmt::format("missing column '{}' (or '{}')", a, b),
                    fmt::format("give the {} as a share, as a money value, or both", a));
  }
}

void ReadValueAdded(const std::filesystem::path& dir, const Codes& c, PackageData& data) {
  Baseline& b = data.baseline;
  const std::size_t N = b.region_count(), J = b.sector_count();
  const BoundTable t =
      Open(dir, kValueAddedFile,
           {{"region"}, {"sector"}, {"gross_output", false}, {"share", false}, {"value", false}});
  RequireOneOf(t, "share", "value");
  for (const char* col : {"gross_output", "share", "value"}) {
    if (t.Has(col))
      data.lines.column[std::string(kValueAddedFile) + "/" + col] = t.ColumnNumber(col);
  }
  const RegionSectorRows rows = ReadRegionSectorKeys(t, c, N, J, data.lines.value_added);
  const Array2 output = GrossOutput(b);
  if (t.Has("gross_output")) data.given.gross_output = Array2(N, J);
  data.given.value_added_share_from_value = !t.Has("share");
  if (t.Has("value")) data.given.value_added = Array2(N, J);
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t j = 0; j < J; ++j) {
      const CsvRecord& r = *rows.record[n * J + j];
      if (t.Has("gross_output")) (*data.given.gross_output)(n, j) = t.Number(r, "gross_output");
      if (t.Has("value")) (*data.given.value_added)(n, j) = t.Number(r, "value");
      if (t.Has("share")) {
        b.value_added_share(n, j) = t.Number(r, "share");
      } else {
        // From money: γ = VA / GO; a sector without output pays no inputs (γ = 1).
        const double go = output(n, j);
        b.value_added_share(n, j) = go > 0.0 ? (*data.given.value_added)(n, j) / go : 1.0;
      }
    }
  }
}

void ReadInputOutput(const std::filesystem::path& dir, const Codes& c, PackageData& data) {
  Baseline& b = data.baseline;
  const std::size_t N = b.region_count(), J = b.sector_count();
  const BoundTable t =
      Open(dir, kInputOutputFile,
           {{"region"}, {"input_sector"}, {"using_sector"}, {"share", false}, {"value", false}});
  RequireOneOf(t, "share", "value");
  for (const char* col : {"share", "value"}) {
    if (t.Has(col))
      data.lines.column[std::string(kInputOutputFile) + "/" + col] = t.ColumnNumber(col);
  }
  if (t.Has("value")) data.given.intermediate_use = Array3(N, J, J);
  data.given.input_share_from_value = !t.Has("share");
  for (const auto& r : t.records()) {
    const std::size_t n = t.Code(r, "region", c.region_index, c.regions, "region", kRegionsFile);
    const std::size_t k =
        t.Code(r, "input_sector", c.sector_index, c.sectors, "sector", kSectorsFile);
    const std::size_t j =
        t.Code(r, "using_sector", c.sector_index, c.sectors, "sector", kSectorsFile);
    const std::size_t key = (n * J + k) * J + j;
    if (const auto it = data.lines.input.find(key); it != data.lines.input.end()) {
      DuplicateRow(t, r, it->second);
    }
    data.lines.input[key] = r.line;
    if (t.Has("share")) b.input_shares(n, k, j) = t.Number(r, "share");
    if (t.Has("value")) (*data.given.intermediate_use)(n, k, j) = t.Number(r, "value");
  }
  if (!t.Has("share")) {
    // From money: G_n(k, j) = use of k by j over all of j's intermediate purchases.
    const Array3& use = *data.given.intermediate_use;
    for (std::size_t n = 0; n < N; ++n) {
      for (std::size_t j = 0; j < J; ++j) {
        double total = 0.0;
        for (std::size_t k = 0; k < J; ++k) total += use(n, k, j);
        for (std::size_t k = 0; k < J; ++k) {
          b.input_shares(n, k, j) = total > 0.0 ? use(n, k, j) / total : 0.0;
        }
      }
    }
  }
}

// final_demand.csv (optional). Returns false when the shares must come from the identity.
bool ReadFinalDemand(const std::filesystem::path& dir, const Codes& c, PackageData& data) {
  if (!std::filesystem::exists(dir / kFinalDemandFile)) return false;
  Baseline& b = data.baseline;
  const std::size_t N = b.region_count(), J = b.sector_count();
  const BoundTable t =
      Open(dir, kFinalDemandFile, {{"region"}, {"sector"}, {"share", false}, {"value", false}});
  RequireOneOf(t, "share", "value");
  for (const char* col : {"share", "value"}) {
    if (t.Has(col))
      data.lines.column[std::string(kFinalDemandFile) + "/" + col] = t.ColumnNumber(col);
  }
  const RegionSectorRows rows = ReadRegionSectorKeys(t, c, N, J, data.lines.final_demand);
  if (t.Has("value")) data.given.final_demand = Array2(N, J);
  for (std::size_t n = 0; n < N; ++n) {
    double total = 0.0;
    for (std::size_t j = 0; j < J; ++j) {
      const CsvRecord& r = *rows.record[n * J + j];
      if (t.Has("share")) b.final_demand_share(n, j) = t.Number(r, "share");
      if (t.Has("value")) total += ((*data.given.final_demand)(n, j) = t.Number(r, "value"));
    }
    if (!t.Has("share")) {
      for (std::size_t j = 0; j < J; ++j) {
        b.final_demand_share(n, j) = total > 0.0 ? (*data.given.final_demand)(n, j) / total : 0.0;
      }
    }
  }
  return true;
}

void ReadSurplus(const std::filesystem::path& dir, const Codes& c, PackageData& data) {
  if (!std::filesystem::exists(dir / kSurplusFile)) return;
  const std::size_t N = data.baseline.region_count();
  const BoundTable t = Open(dir, kSurplusFile, {{"region"}, {"value"}});
  data.lines.column[std::string(kSurplusFile) + "/value"] = t.ColumnNumber("value");
  data.lines.surplus.assign(N, 0);
  std::vector<double> surplus(N, 0.0);
  for (const auto& r : t.records()) {
    const std::size_t n = t.Code(r, "region", c.region_index, c.regions, "region", kRegionsFile);
    if (data.lines.surplus[n]) DuplicateRow(t, r, data.lines.surplus[n]);
    data.lines.surplus[n] = r.line;
    surplus[n] = t.Number(r, "value");
  }
  for (std::size_t n = 0; n < N; ++n) {
    if (!data.lines.surplus[n]) {
      throw DataError(Location{kSurplusFile, 0, 0, ""},
                      fmt::format("no row for region '{}'", c.regions[n]),
                      "list every region once, or leave surplus.csv out (surpluses follow "
                      "from the flows)");
    }
  }
  data.given.surplus = std::move(surplus);
}

void WarnAboutUnknownFiles(const std::filesystem::path& dir, ValidationReport& report) {
  std::vector<std::string> unknown;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    const auto& known = PackageFileNames();
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    if (entry.path().extension() == ".csv" || entry.path().extension() == ".toml") {
      unknown.push_back(name);
    }
  }
  std::sort(unknown.begin(), unknown.end());
  for (const auto& name : unknown) {
    report.warnings.push_back({PackageIssue::Severity::kWarning, Location{name, 0, 0, ""},
                               "file is not part of the package format and is ignored" +
                                   detail::DidYouMean(name, PackageFileNames()),
                               ""});
  }
}

// Without final_demand.csv, final-demand shares come from the expenditure identity, as in the
// authors' base-year construction (negative values set to zero, then renormalised).
void DeriveFinalDemand(PackageData& data, ValidationReport& report) {
  std::vector<std::string> clipped;
  try {
    data.baseline.final_demand_share = FinalDemandSharesFromIdentity(data.baseline, &clipped);
  } catch (const DataError& e) {
    report.errors.push_back({PackageIssue::Severity::kError, Location{kFlowsFile, 0, 0, ""},
                             e.problem() + " (final demand derived from the expenditure identity)",
                             "add final_demand.csv, or check the flows and input-output tables"});
    return;
  }
  if (!clipped.empty()) {
    report.warnings.push_back(
        {PackageIssue::Severity::kWarning, Location{kFinalDemandFile, 0, 0, ""},
         fmt::format("final_demand.csv is absent and the expenditure identity implies negative "
                     "final demand for {} region-sector(s), set to 0: {}",
                     clipped.size(), detail::JoinList(clipped, 10)),
         "calibrate the baseline before using it (a zero shock then changes nothing)"});
  }
}

}  // namespace

const std::vector<std::string>& PackageFileNames() {
  static const std::vector<std::string> names = {
      kManifestFile,   kRegionsFile,     kSectorsFile,     kFlowsFile,   kTariffsFile,
      kValueAddedFile, kInputOutputFile, kFinalDemandFile, kSurplusFile, kProvenanceFile};
  return names;
}

// Reads everything and runs the checks. Structural problems throw DataError; consistency
// problems go to `report`.
PackageData ReadPackageData(const std::filesystem::path& dir, ValidationReport& report) {
  if (!std::filesystem::is_directory(dir)) {
    throw NotFoundError(Location{dir.string(), 0, 0, ""}, "no such package directory",
                        "give a package directory or a built-in baseline name; 'ricardo data "
                        "list' shows them");
  }
  PackageData data;
  data.lines.from_files = true;
  Manifest manifest = ReadManifest(dir / kManifestFile, report);
  std::vector<Region> regions = ReadRegions(dir, data.lines);
  std::vector<Sector> sectors = ReadSectors(dir, data.lines);
  data.baseline = MakeEmptyBaseline(std::move(regions), std::move(sectors));
  data.baseline.manifest = std::move(manifest);
  const Codes codes = MakeCodes(data.baseline);
  ReadBilateral(dir, kFlowsFile, "value", codes, data.baseline.trade_flows, data.lines.flow,
                data.lines);
  ReadBilateral(dir, kTariffsFile, "rate", codes, data.baseline.tariff_rates, data.lines.tariff,
                data.lines);
  ReadValueAdded(dir, codes, data);
  ReadInputOutput(dir, codes, data);
  data.final_demand_from_identity = !ReadFinalDemand(dir, codes, data);
  ReadSurplus(dir, codes, data);
  WarnAboutUnknownFiles(dir, report);
  CheckPackageData(data, report);
  if (data.final_demand_from_identity && report.ok()) DeriveFinalDemand(data, report);
  return data;
}

}  // namespace ricardo::data_internal

namespace ricardo {

Baseline ReadPackage(const std::filesystem::path& directory, std::vector<PackageIssue>* warnings) {
  ValidationReport report;
  data_internal::PackageData data = data_internal::ReadPackageData(directory, report);
  ThrowIfInvalid(report);
  if (warnings) *warnings = std::move(report.warnings);
  return std::move(data.baseline);
}

ValidationReport CheckPackage(const std::filesystem::path& directory) {
  ValidationReport report;
  try {
    data_internal::ReadPackageData(directory, report);
  } catch (const DataError& e) {
    report.errors.insert(report.errors.begin(),
                         {PackageIssue::Severity::kError, e.where(), e.problem(), e.fix()});
  }
  return report;
}

}  // namespace ricardo
