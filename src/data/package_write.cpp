// Writing a Baseline as a package. Shares are authoritative and written in the shortest form
// that reads back exactly; money accounts are written beside them for people and other tools,
// and are checked against the shares when the package is read.
#include <algorithm>
#include <fstream>

#include "data/csv.hpp"
#include "data/package_internal.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/package.hpp"

namespace ricardo {
namespace {

using data_internal::CsvLine;
using data_internal::ExactNumber;

void WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    throw ArgumentError(fmt::format("cannot write {}", path.string()),
                        "check that the directory exists and is writable");
  }
}

std::string RegionsCsv(const Baseline& b) {
  std::string out = CsvLine({"code", "name"});
  for (const auto& r : b.regions) out += CsvLine({r.code, r.name});
  return out;
}

// The theta_se column only when some sector has a standard error, so packages without one are
// written as before.
std::string SectorsCsv(const Baseline& b) {
  const bool with_se = std::any_of(b.sectors.begin(), b.sectors.end(),
                                   [](const Sector& s) { return s.theta_se > 0; });
  std::vector<std::string> header = {"code", "name", "tradable", "theta"};
  if (with_se) header.push_back("theta_se");
  header.push_back("isic_rev3");
  std::string out = CsvLine(header);
  for (const auto& s : b.sectors) {
    std::vector<std::string> row = {s.code, s.name, s.tradable ? "true" : "false",
                                    ExactNumber(s.theta)};
    if (with_se) row.push_back(ExactNumber(s.theta_se));
    row.push_back(s.isic_rev3);
    out += CsvLine(row);
  }
  return out;
}

std::string BilateralCsv(const Baseline& b, const Array3& values, const char* column) {
  std::string out = CsvLine({"importer", "exporter", "sector", column});
  const std::size_t N = b.region_count(), J = b.sector_count();
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < J; ++j) {
        if (values(n, i, j) == 0.0) continue;  // absent rows are zero
        out += CsvLine({b.regions[n].code, b.regions[i].code, b.sectors[j].code,
                        ExactNumber(values(n, i, j))});
      }
  return out;
}

std::string ValueAddedCsv(const Baseline& b) {
  const Array2 output = GrossOutput(b);
  std::string out = CsvLine({"region", "sector", "gross_output", "share", "value"});
  for (std::size_t n = 0; n < b.region_count(); ++n)
    for (std::size_t j = 0; j < b.sector_count(); ++j) {
      const double gamma = b.value_added_share(n, j);
      out += CsvLine({b.regions[n].code, b.sectors[j].code, ExactNumber(output(n, j)),
                      ExactNumber(gamma), ExactNumber(gamma * output(n, j))});
    }
  return out;
}

std::string InputOutputCsv(const Baseline& b) {
  const Array2 output = GrossOutput(b);
  std::string out = CsvLine({"region", "input_sector", "using_sector", "share", "value"});
  const std::size_t N = b.region_count(), J = b.sector_count();
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t j = 0; j < J; ++j)
      for (std::size_t k = 0; k < J; ++k) {
        const double share = b.input_shares(n, k, j);
        if (share == 0.0) continue;
        const double use = (1.0 - b.value_added_share(n, j)) * share * output(n, j);
        out += CsvLine({b.regions[n].code, b.sectors[k].code, b.sectors[j].code, ExactNumber(share),
                        ExactNumber(use)});
      }
  return out;
}

std::string FinalDemandCsv(const Baseline& b) {
  const std::vector<double> income = NationalIncome(b);
  std::string out = CsvLine({"region", "sector", "share", "value"});
  for (std::size_t n = 0; n < b.region_count(); ++n)
    for (std::size_t j = 0; j < b.sector_count(); ++j) {
      const double alpha = b.final_demand_share(n, j);
      out += CsvLine({b.regions[n].code, b.sectors[j].code, ExactNumber(alpha),
                      ExactNumber(alpha * income[n])});
    }
  return out;
}

std::string SurplusCsv(const Baseline& b) {
  const std::vector<double> surplus = TradeSurplus(b);
  std::string out = CsvLine({"region", "value"});
  for (std::size_t n = 0; n < b.region_count(); ++n) {
    out += CsvLine({b.regions[n].code, ExactNumber(surplus[n])});
  }
  return out;
}

}  // namespace

void WritePackage(const Baseline& baseline, const std::filesystem::path& directory,
                  const WritePackageOptions& options) {
  ThrowIfInvalid(ValidateBaseline(baseline));
  namespace di = data_internal;
  if (std::filesystem::exists(directory / di::kManifestFile) && !options.overwrite) {
    throw ArgumentError(fmt::format("{} already holds a baseline package", directory.string()),
                        "choose another directory or allow overwriting (--force)");
  }
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) {
    throw ArgumentError(fmt::format("cannot create {}: {}", directory.string(), ec.message()),
                        "check the path and its permissions");
  }
  WriteFile(directory / di::kManifestFile, di::ManifestToToml(baseline.manifest));
  WriteFile(directory / di::kRegionsFile, RegionsCsv(baseline));
  WriteFile(directory / di::kSectorsFile, SectorsCsv(baseline));
  WriteFile(directory / di::kFlowsFile, BilateralCsv(baseline, baseline.trade_flows, "value"));
  WriteFile(directory / di::kTariffsFile, BilateralCsv(baseline, baseline.tariff_rates, "rate"));
  WriteFile(directory / di::kValueAddedFile, ValueAddedCsv(baseline));
  WriteFile(directory / di::kInputOutputFile, InputOutputCsv(baseline));
  WriteFile(directory / di::kFinalDemandFile, FinalDemandCsv(baseline));
  WriteFile(directory / di::kSurplusFile, SurplusCsv(baseline));
  if (!options.provenance_markdown.empty()) {
    WriteFile(directory / di::kProvenanceFile, options.provenance_markdown);
  }
}

}  // namespace ricardo
