// Synthetic worlds of any size (include/ricardo/synthetic_world.hpp).
#include "ricardo/synthetic_world.hpp"

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "fmt/format.h"
#include "ricardo/calibrate.hpp"
#include "ricardo/error.hpp"

namespace ricardo {
namespace {

// The second stream is seeded apart from the first, so that drawing sizes leaves the first
// stream's sequence (and the tests' random baselines made from it) as it was.
constexpr std::uint32_t kSizeStreamSalt = 0x9e3779b9u;

// exp(sd · z) for standard normal z (Box–Muller from two uniforms); exactly 1 when sd is 0, so
// that sizes alike leave every flow bit for bit as drawn.
std::vector<double> LogNormalSizes(std::size_t count, double log_sd, std::mt19937& rng) {
  std::vector<double> sizes(count, 1.0);
  if (log_sd == 0.0) return sizes;
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (double& size : sizes) {
    const double u1 = 1.0 - unit(rng);  // in (0, 1]: the log is finite
    const double u2 = unit(rng);
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    size = std::exp(log_sd * z);
  }
  return sizes;
}

std::size_t NonTradableCount(const SyntheticWorldOptions& o) {
  const auto count = static_cast<std::size_t>(
      std::floor(o.non_tradable_fraction * static_cast<double>(o.sectors) + 0.5));
  return std::min(count, o.sectors - 1);
}

}  // namespace

bool SyntheticWorldOptions::IsValid(std::string* error) const {
  auto fail = [&](const std::string& message) {
    if (error) *error = message;
    return false;
  };
  auto finite_at_least = [](double v, double low) { return std::isfinite(v) && v >= low; };
  if (regions < 2) return fail(fmt::format("regions must be >= 2, got {}", regions));
  if (sectors < 1) return fail(fmt::format("sectors must be >= 1, got {}", sectors));
  if (!(non_tradable_fraction >= 0.0 && non_tradable_fraction < 1.0)) {
    return fail(
        fmt::format("non_tradable_fraction must be in [0, 1), got {}", non_tradable_fraction));
  }
  if (!(std::isfinite(theta_min) && theta_min > 0.0)) {
    return fail(fmt::format("theta_min must be > 0, got {}", theta_min));
  }
  if (!(std::isfinite(theta_max) && theta_max >= theta_min)) {
    return fail(fmt::format("theta_max must be >= theta_min ({}), got {}", theta_min, theta_max));
  }
  if (!finite_at_least(domestic_weight, 0.0)) {
    return fail(fmt::format("domestic_weight must be >= 0, got {}", domestic_weight));
  }
  if (!finite_at_least(max_tariff_rate, 0.0)) {
    return fail(fmt::format("max_tariff_rate must be >= 0, got {}", max_tariff_rate));
  }
  if (!finite_at_least(region_size_log_sd, 0.0)) {
    return fail(fmt::format("region_size_log_sd must be >= 0, got {}", region_size_log_sd));
  }
  if (!finite_at_least(sector_size_log_sd, 0.0)) {
    return fail(fmt::format("sector_size_log_sd must be >= 0, got {}", sector_size_log_sd));
  }
  std::string solver_error;
  if (!calibration.IsValid(&solver_error)) return fail("calibration: " + solver_error);
  return true;
}

Baseline MakeSyntheticWorld(const SyntheticWorldOptions& options) {
  std::string error;
  if (!options.IsValid(&error)) throw ArgumentError("invalid synthetic world options: " + error);
  const std::size_t N = options.regions, J = options.sectors;
  const std::size_t first_non_tradable = J - NonTradableCount(options);
  std::mt19937 rng(options.seed);
  std::mt19937 size_rng(options.seed ^ kSizeStreamSalt);
  std::uniform_real_distribution<double> unit(0.0, 1.0);

  std::vector<Region> regions;
  for (std::size_t n = 0; n < N; ++n)
    // fmt, not "R" + std::to_string(n): g++ 12 warns falsely (-Wrestrict) on the latter.
    regions.push_back({fmt::format("R{}", n), fmt::format("Region {}", n)});
  std::vector<Sector> sectors;
  for (std::size_t j = 0; j < J; ++j) {
    const double theta = options.theta_min + (options.theta_max - options.theta_min) * unit(rng);
    sectors.push_back(
        {fmt::format("s{}", j), fmt::format("Sector {}", j), j < first_non_tradable, theta, ""});
  }
  Baseline b = MakeEmptyBaseline(regions, sectors);
  b.manifest.name = fmt::format("synthetic-{}x{}-seed{}", N, J, options.seed);
  b.manifest.title =
      fmt::format("Synthetic world of {} regions x {} sectors (seed {})", N, J, options.seed);
  b.manifest.year = 2024;
  b.manifest.money_unit = 1e6;
  b.manifest.source = "drawn by ricardo::MakeSyntheticWorld";
  b.manifest.notes = "random, not data: for scale measurements and tests";

  const std::vector<double> region_size = LogNormalSizes(N, options.region_size_log_sd, size_rng);
  const std::vector<double> sector_size = LogNormalSizes(J, options.sector_size_log_sd, size_rng);
  const double domestic_weight =
      options.domestic_weight > 0.0 ? options.domestic_weight : 3.0 * static_cast<double>(N - 1);
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < J; ++j) {
        // Every draw is made even where it is then discarded (non-tradable foreign flows), so
        // the stream does not depend on which sectors are traded.
        const double noise = 1.0 + 9.0 * unit(rng);
        const double rate = i == n ? 0.0 : options.max_tariff_rate * unit(rng);
        const bool traded = i == n || j < first_non_tradable;
        const double scale = region_size[n] * region_size[i] * sector_size[j];
        b.trade_flows(n, i, j) = traded ? (i == n ? domestic_weight : 1.0) * noise * scale : 0.0;
        b.tariff_rates(n, i, j) = traded ? rate : 0.0;
      }
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t j = 0; j < J; ++j) {
      b.value_added_share(n, j) = 0.3 + 0.5 * unit(rng);
      double total = 0.0;
      for (std::size_t k = 0; k < J; ++k) total += (b.input_shares(n, k, j) = unit(rng));
      for (std::size_t k = 0; k < J; ++k) b.input_shares(n, k, j) /= total;
    }
  }
  b.final_demand_share = FinalDemandSharesFromIdentity(b, nullptr);
  if (!options.calibrate) return b;
  CalibrationOptions calibration;
  calibration.deficits = DeficitTreatment::kKeep;
  calibration.solver = options.calibration;
  return CalibrateBaseYear(b, calibration).baseline;
}

Shock MakeTariffRiseShock(const Baseline& baseline, std::size_t importer, double tariff_increase) {
  const std::size_t N = baseline.region_count(), J = baseline.sector_count();
  if (importer >= N) {
    throw ArgumentError(fmt::format(
        "importer index {} is out of range (the baseline has {} regions)", importer, N));
  }
  if (!(std::isfinite(tariff_increase) && tariff_increase >= 0.0)) {
    throw ArgumentError(
        fmt::format("tariff_increase must be a finite fraction >= 0, got {}", tariff_increase),
        "0.10 is a rise of 10 percentage points");
  }
  Shock shock = Shock::None(baseline);
  for (std::size_t i = 0; i < N; ++i) {
    if (i == importer) continue;
    for (std::size_t j = 0; j < J; ++j) {
      if (baseline.sectors[j].tradable) shock.tariff_rates(importer, i, j) += tariff_increase;
    }
  }
  return shock;
}

}  // namespace ricardo
