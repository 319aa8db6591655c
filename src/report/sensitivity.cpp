// Elasticity variants (scaled or from a file) and the sensitivity runs over them.
#include "ricardo/sensitivity.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "core/regular_file.hpp"
#include "core/suggest.hpp"
#include "data/csv.hpp"
#include "fmt/format.h"
#include "report/indicators.hpp"
#include "report/run_views.hpp"
#include "ricardo/error.hpp"

namespace ricardo {
namespace {

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// Parses a whole string as a finite double.
bool ParseNumber(const std::string& text, double* value) {
  if (text.empty()) return false;
  std::size_t used = 0;
  try {
    *value = std::stod(text, &used);
  } catch (const std::invalid_argument&) {
    return false;
  } catch (const std::out_of_range&) {
    return false;
  }
  return used == text.size() && std::isfinite(*value);
}

Location At(const std::string& file, long line, long column) {
  Location where;
  where.file = file;
  where.line = line;
  where.column = column;
  return where;
}

std::string ScaleLabel(double scale) {
  return fmt::format("theta x{:g}", scale);
}

}  // namespace

std::vector<double> ParseThetaScales(const std::string& text) {
  const std::size_t count = 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), ','));
  if (count > kSensitivityVariantsMax) {
    throw LimitError(Location{"--theta-scale", 0, 0, {}},
                     fmt::format("{} factors, more than the {} one sensitivity run may have", count,
                                 kSensitivityVariantsMax),
                     "each factor is a full solve; split the sweep into several runs");
  }
  std::vector<double> out;
  std::set<double> seen;
  std::size_t start = 0, item = 1;
  const std::string fix = "give positive factors separated by commas, e.g. --theta-scale 0.5,1,2";
  while (true) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string part = Trim(text.substr(start, end - start));
    double v = 0.0;
    if (!ParseNumber(part, &v) || v <= 0.0) {
      throw ArgumentError(
          fmt::format("--theta-scale: item {} '{}' is not a positive number", item, part), fix);
    }
    if (!seen.insert(v).second) {
      throw ArgumentError(fmt::format("--theta-scale: factor {:g} is given twice", v), fix);
    }
    out.push_back(v);
    if (end == text.size()) break;
    start = end + 1;
    ++item;
  }
  return out;
}

std::vector<ElasticityVariant> ScaledElasticities(const Baseline& baseline,
                                                  const std::vector<double>& scales) {
  std::vector<ElasticityVariant> out;
  for (double s : scales) {
    if (!(s > 0.0) || !std::isfinite(s))
      throw ArgumentError(fmt::format("elasticity scale {:g} must be a positive number", s));
    ElasticityVariant v{ScaleLabel(s), {}};
    for (const auto& sector : baseline.sectors) v.theta.push_back(sector.theta * s);
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<ElasticityVariant> ReadElasticityVariants(const std::filesystem::path& file,
                                                      const Baseline& baseline) {
  const std::string name = file.filename().string();
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    throw NotFoundError(At(file.string(), 0, 0), "cannot open elasticities file",
                        "give a CSV file with the header variant,sector,theta");
  }
  // Refuses pipes, devices and directories, and files above kMaxElasticitiesFileBytes.
  std::istringstream in(detail::ReadRegularFile(file, detail::kElasticitiesFileKind));
  std::string line;
  long line_number = 1;
  if (!std::getline(in, line) || Trim(line) != "variant,sector,theta") {
    throw DataError(At(name, 1, 1),
                    "expected the header 'variant,sector,theta', found '" + Trim(line) + "'",
                    "make the first line exactly: variant,sector,theta");
  }
  std::vector<ElasticityVariant> out;
  std::map<std::string, std::size_t> index;
  std::vector<std::set<std::size_t>> seen;
  while (std::getline(in, line)) {
    ++line_number;
    if (Trim(line).empty()) continue;
    if (!line.empty() && line.back() == '\r') line.pop_back();  // CRLF line ends
    std::vector<long> columns;
    std::vector<std::string> cells = data_internal::SplitCsv(line, name, line_number, &columns);
    for (std::string& cell : cells) cell = Trim(cell);
    if (cells.size() != 3) {
      throw DataError(
          At(name, line_number, 1),
          fmt::format("expected 3 fields (variant,sector,theta), found {}", cells.size()),
          "write one variant, sector and elasticity per line");
    }
    if (cells[0].empty()) {
      throw DataError(At(name, line_number, columns[0]), "empty variant name",
                      "name every variant");
    }
    const auto sector = baseline.FindSector(cells[1]);
    if (!sector) {
      std::vector<std::string> codes;
      for (const auto& s : baseline.sectors) codes.push_back(s.code);
      throw DataError(At(name, line_number, columns[1]),
                      "unknown sector '" + cells[1] + "'" + detail::DidYouMean(cells[1], codes),
                      "use a sector code of baseline '" + baseline.manifest.name + "'");
    }
    double theta = 0.0;
    if (!ParseNumber(cells[2], &theta) || theta <= 0.0) {
      throw DataError(At(name, line_number, columns[2]),
                      "theta '" + cells[2] + "' is not a positive number",
                      "trade elasticities are positive, e.g. 4.5");
    }
    auto [it, added] = index.emplace(cells[0], out.size());
    if (added && out.size() == kSensitivityVariantsMax) {
      throw LimitError(At(name, line_number, columns[0]),
                       fmt::format("variant '{}' is one more than the {} one sensitivity run may "
                                   "have",
                                   cells[0], kSensitivityVariantsMax),
                       "each variant is a full solve; split the file into several runs");
    }
    if (added) {
      ElasticityVariant v{cells[0], {}};
      for (const auto& s : baseline.sectors) v.theta.push_back(s.theta);
      out.push_back(std::move(v));
      seen.emplace_back();
    }
    if (!seen[it->second].insert(*sector).second) {
      throw DataError(At(name, line_number, columns[1]),
                      "sector '" + cells[1] + "' is listed twice for variant '" + cells[0] + "'",
                      "keep one line per variant and sector");
    }
    out[it->second].theta[*sector] = theta;
  }
  if (out.empty()) {
    throw DataError(At(name, line_number, 0), "no variant in the file",
                    "add lines such as: low,metals,2.5");
  }
  return out;
}

SensitivityResult RunSensitivity(const Baseline& baseline, const Shock& shock,
                                 const RunMetadata& metadata,
                                 const std::vector<ElasticityVariant>& variants,
                                 const SensitivityOptions& options) {
  if (variants.size() > kSensitivityReportVariantsMax) {
    throw LimitError(Location{},
                     fmt::format("{} elasticity variants, more than the {} a sensitivity "
                                 "result holds with every run",
                                 variants.size(), kSensitivityReportVariantsMax),
                     "stream longer sweeps with StreamSensitivity");
  }
  const auto start = std::chrono::steady_clock::now();
  SensitivityResult result;
  result.variants = variants;
  result.runs.runs.reserve(variants.size());
  StreamSensitivity(
      baseline, shock, metadata, variants,
      [&](std::size_t, const ElasticityVariant& v, const RunResult& r) {
        result.runs.runs.push_back({v.label, r});
      },
      options);
  result.runs.seconds_total =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto indicators = detail::CountryIndicators(detail::MoneyDisplay{}, /*levels=*/false);
  for (std::size_t n = 0; n < baseline.region_count(); ++n) {
    for (const auto& ind : indicators) {
      OutcomeRange r{baseline.regions[n].code, ind.key, {}, INFINITY, -INFINITY};
      for (const auto& run : result.runs.runs) {
        const double v = ind.value(run.result, n);
        r.values_pct.push_back(v);
        if (std::isfinite(v))
          r.min_pct = std::min(r.min_pct, v), r.max_pct = std::max(r.max_pct, v);
      }
      if (r.min_pct > r.max_pct) r.min_pct = r.max_pct = NAN;
      result.ranges.push_back(std::move(r));
    }
  }
  return result;
}

}  // namespace ricardo
