// Caliendo and Parro's (2015) sectoral trade elasticities, estimated from their triads of
// countries: ln(X_ij X_jn X_ni / X_ji X_nj X_in) = −θ_j ln(τ_ij τ_jn τ_ni / τ_ji τ_nj τ_in) + ε.
// Importer and exporter fixed effects cancel around the triangle, so the regression has no
// constant. Standard errors are heteroskedasticity-robust with Stata's small-sample factor
// n/(n−1) (HC1 for one regressor), as in the authors' `regress y x, nocons robust`.
#include <charconv>
#include <cmath>
#include <map>

#include "data/csv.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/uncertainty.hpp"

namespace ricardo {
namespace {

struct Sums {
  std::vector<std::pair<double, double>> points;  // (x, y)
};

// An empty cell is a triad without data (a zero or missing flow or tariff): nullopt.
std::optional<double> Cell(const std::string& text, const std::string& file, long line,
                           const char* column) {
  if (text.empty()) return std::nullopt;
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    throw DataError(Location{file, line, 0, {}},
                    fmt::format("{} '{}' is not a finite number", column, text),
                    "write a decimal number, or leave the cell empty for a triad without data");
  }
  return value;
}

ThetaEstimate Estimate(const std::string& sector, const Sums& sums) {
  double sxx = 0.0, sxy = 0.0;
  for (const auto& [x, y] : sums.points) sxx += x * x, sxy += x * y;
  ThetaEstimate out;
  out.sector = sector;
  out.observations = sums.points.size();
  if (out.observations < 2 || !(sxx > 0.0)) {
    out.theta = out.se = std::nan("");
    return out;
  }
  const double slope = sxy / sxx;
  double meat = 0.0;
  for (const auto& [x, y] : sums.points) {
    const double e = y - slope * x;
    meat += x * x * e * e;
  }
  const double n = static_cast<double>(out.observations);
  out.theta = -slope;
  out.se = std::sqrt(meat / (sxx * sxx) * n / (n - 1.0));
  return out;
}

}  // namespace

std::vector<ThetaEstimate> EstimateThetaFromTriads(const std::filesystem::path& triads_csv) {
  const std::string file = triads_csv.filename().string();
  const data_internal::CsvTable table = data_internal::ReadCsvFile(triads_csv, file);
  const std::vector<std::string> expected = {"sector",         "i", "j", "n", "ln_trade_ratio",
                                             "ln_tariff_ratio"};
  if (table.header != expected) {
    throw DataError(Location{file, 1, 0, {}},
                    fmt::format("the header is '{}'", fmt::join(table.header, ",")),
                    fmt::format("the first line must be '{}'", fmt::join(expected, ",")));
  }
  std::vector<std::string> order;  // sectors in file order
  std::map<std::string, Sums> by_sector;
  Sums pooled;
  for (const auto& record : table.records) {
    if (record.fields.size() != expected.size()) {
      throw DataError(Location{file, record.line, 0, {}},
                      fmt::format("{} fields, expected {}", record.fields.size(), expected.size()),
                      "write sector,i,j,n,ln_trade_ratio,ln_tariff_ratio");
    }
    const std::string& sector = record.fields[0];
    if (!by_sector.count(sector)) order.push_back(sector);
    Sums& sums = by_sector[sector];
    const auto y = Cell(record.fields[4], file, record.line, "ln_trade_ratio");
    const auto x = Cell(record.fields[5], file, record.line, "ln_tariff_ratio");
    if (!x || !y) continue;
    sums.points.emplace_back(*x, *y);
    pooled.points.emplace_back(*x, *y);
  }
  if (order.empty())
    throw DataError(Location{file, 2, 0, {}}, "no triads", "the file needs one row per triad");
  std::vector<ThetaEstimate> out;
  for (const std::string& sector : order) out.push_back(Estimate(sector, by_sector[sector]));
  out.push_back(Estimate("all", pooled));
  return out;
}

}  // namespace ricardo
