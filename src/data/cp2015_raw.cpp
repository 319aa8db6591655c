// Reading the authors' seven raw files into (importer, exporter, sector) order.
#include <cmath>

#include "data/numeric_table.hpp"
#include "fmt/format.h"
#include "ricardo/cp2015.hpp"
#include "ricardo/error.hpp"
#include "ricardo/uncertainty.hpp"

namespace ricardo::cp2015 {
namespace {

constexpr std::size_t N = kCountries, J = kSectors, JT = kTradableSectors;

// Files with 20 stacked N×N blocks, one per tradable sector: row = sector·N + importer.
Array3 ReadBilateral(const std::filesystem::path& dir, const char* name, bool is_tariff) {
  const auto table = detail::ReadNumericTable(
      dir / name, {.delimiter = '\t', .rows = JT * N, .cols = N, .allow_negative = false});
  Array3 out(N, N, JT);
  for (std::size_t j = 0; j < JT; ++j) {
    for (std::size_t n = 0; n < N; ++n) {
      for (std::size_t i = 0; i < N; ++i) {
        const double v = table(j * N + n, i);
        if (is_tariff && v > 10000.0) {
          throw DataError(
              Location{name, static_cast<long>(j * N + n + 1), static_cast<long>(i + 1), ""},
              fmt::format("tariff of {} percent is implausible", v),
              "tariffs are in percent; check the value");
        }
        out(n, i, j) = v;
      }
    }
  }
  return out;
}

// RawData::theta_se from the triads file, when the directory has one. Its sectors must be the
// 20 tradable sectors in the authors' order, with "all" (the pooled estimate) last.
void ReadThetaStandardErrors(const std::filesystem::path& dir, RawData& raw) {
  const std::filesystem::path file = dir / "elasticity_triads_1993.csv";
  if (!std::filesystem::exists(file)) return;
  const std::vector<ThetaEstimate> estimates = EstimateThetaFromTriads(file);
  const std::vector<Sector> sectors = Sectors(raw.theta);
  if (estimates.size() != JT + 1 || estimates.back().sector != "all") {
    throw DataError(Location{file.filename().string(), 0, 0, {}},
                    fmt::format("{} sectors of triads, expected the {} tradable sectors",
                                estimates.size() - 1, JT),
                    "rebuild it with data/cp2015/build_elasticity_triads.py");
  }
  for (std::size_t j = 0; j < JT; ++j) {
    if (estimates[j].sector != sectors[j].code) {
      throw DataError(Location{file.filename().string(), 0, 0, {}},
                      fmt::format("sector {} of the triads is '{}', expected '{}'", j + 1,
                                  estimates[j].sector, sectors[j].code),
                      "list the sectors in the authors' order (include/ricardo/cp2015.hpp)");
    }
  }
  const ThetaEstimate& pooled = estimates.back();
  raw.substitute_theta_se = kNonTradableTheta * pooled.se / pooled.theta;
  raw.theta_se.resize(JT);
  for (std::size_t j = 0; j < JT; ++j) {
    // The authors replaced their estimates for auto and other transport (not significantly
    // different from zero) by the substitute value; its uncertainty is the substitute's.
    raw.theta_se[j] = raw.theta[j] == kNonTradableTheta ? raw.substitute_theta_se : estimates[j].se;
  }
}

}  // namespace

RawData ReadRaw(const std::filesystem::path& dir) {
  RawData raw;
  raw.imports_1993_thousand_usd = ReadBilateral(dir, "xbilat1993.txt", false);
  raw.tariffs_1993_percent = ReadBilateral(dir, "tariffs1993.txt", true);
  raw.tariffs_2005_percent = ReadBilateral(dir, "tariffs2005.txt", true);

  // IO.txt: N stacked J×J blocks, rows = input sector k, columns = using sector j.
  const auto io =
      detail::ReadNumericTable(dir / "IO.txt", {.delimiter = '\t', .rows = N * J, .cols = J});
  raw.io_shares = Array3(N, J, J);
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t j = 0; j < J; ++j) {
      double column_sum = 0.0;
      for (std::size_t k = 0; k < J; ++k) {
        const double v = io(n * J + k, j);
        if (v < -0.01 || v > 1.0) {
          throw DataError(
              Location{"IO.txt", static_cast<long>(n * J + k + 1), static_cast<long>(j + 1), ""},
              fmt::format("input share {} is outside [0, 1]", v),
              "IO.txt holds input shares; each column sums to one");
        }
        raw.io_shares(n, k, j) = v;
        column_sum += v;
      }
      if (std::abs(column_sum - 1.0) > 1e-3 && std::abs(column_sum) > 1e-12) {
        throw DataError(
            Location{"IO.txt", static_cast<long>(n * J + 1), static_cast<long>(j + 1), ""},
            fmt::format("input shares of country {} sector {} sum to {:.6f}, not 1", n + 1, j + 1,
                        column_sum),
            "each column of a country's block must sum to one (or to zero)");
      }
    }
  }

  // B.txt and GO.txt: sectors × countries.
  const auto b = detail::ReadNumericTable(
      dir / "B.txt", {.delimiter = '\t', .rows = J, .cols = N, .allow_negative = false});
  const auto go = detail::ReadNumericTable(
      dir / "GO.txt", {.delimiter = '\t', .rows = J, .cols = N, .allow_negative = false});
  raw.value_added_share = Array2(N, J);
  raw.gross_output_usd = Array2(N, J);
  for (std::size_t j = 0; j < J; ++j) {
    for (std::size_t n = 0; n < N; ++n) {
      if (b(j, n) > 1.0) {
        throw DataError(Location{"B.txt", static_cast<long>(j + 1), static_cast<long>(n + 1), ""},
                        fmt::format("value-added share {} is above 1", b(j, n)),
                        "B.txt holds value added as a share of gross output");
      }
      raw.value_added_share(n, j) = b(j, n);
      raw.gross_output_usd(n, j) = go(j, n);
    }
  }

  const auto t = detail::ReadNumericTable(
      dir / "T.txt", {.delimiter = '\t', .rows = JT, .cols = 1, .allow_negative = false});
  raw.theta = t.values;
  for (std::size_t j = 0; j < JT; ++j) {
    if (raw.theta[j] <= 0.0) {
      throw DataError(Location{"T.txt", static_cast<long>(j + 1), 1, ""},
                      fmt::format("trade elasticity {} must be > 0", raw.theta[j]),
                      "T.txt holds the 20 tradable-sector elasticities theta");
    }
  }
  ReadThetaStandardErrors(dir, raw);
  return raw;
}

}  // namespace ricardo::cp2015

#include "ricardo/paths.hpp"

namespace ricardo::cp2015 {

std::filesystem::path ShippedDataDirectory() {
  return DataDirectory() / "cp2015";
}

}  // namespace ricardo::cp2015
