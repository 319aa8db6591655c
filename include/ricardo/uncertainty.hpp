// Uncertainty of a run's outcomes: Monte Carlo draws of the trade elasticities θ_j and of the
// USMCA utilisation shares, each draw solved warm-started from the point solution, summarised
// as the 5th, 50th and 95th percentiles of every headline outcome ("bands").
//
//   DrawSettings settings;  settings.draws = 1000;  settings.seed = 1;
//   const UncertaintyInputs inputs = PrepareUncertainty(compiled, settings);
//   DrawResult r = RunDraws(compiled.baseline, compiled.shock, point, inputs, settings);
//   // r.bands: per country and indicator {p05, p50, p95}
//
// Reproducibility: draw k of seed s uses its own counter-based random numbers (SplitMix64 of
// (s, k, stream, index)) and the inverse normal CDF, not <random>'s distributions (whose
// algorithms differ between standard libraries). So a draw's θ and shares do not depend on the
// thread or MPI rank that solves it, and two scenarios run with the same seed on the same
// baseline use the same θ in draw k ("common random numbers"): differences between scenarios
// are then not sampling noise.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nlohmann/json.hpp"
#include "ricardo/array.hpp"
#include "ricardo/baseline.hpp"
#include "ricardo/shock.hpp"
#include "ricardo/solver.hpp"

namespace ricardo {

// ---- Estimates of θ from the authors' data ----

// One sector's trade elasticity estimated as in Caliendo and Parro (2015, section 4): OLS
// without constant of the log trade-flow triad ratio on the log tariff triad ratio, θ = −slope,
// heteroskedasticity-robust (HC1, Stata's `robust`) standard error.
struct ThetaEstimate {
  std::string sector;  // the authors' sector code (cp2015::Sectors order)
  double theta = 0.0;
  double se = 0.0;
  std::size_t observations = 0;
};
// Reads the triads (data/cp2015/elasticity_triads_1993.csv: sector,i,j,n,ln_trade_ratio,
// ln_tariff_ratio; empty cells for triads without data) and estimates every sector and the
// pooled sample (sector "all"). DataError with file and line for a malformed row.
std::vector<ThetaEstimate> EstimateThetaFromTriads(const std::filesystem::path& triads_csv);

// ---- What is drawn ----

// Most draws one run may have: each holds its outcomes (~(4 + N) · N numbers) until the bands
// are taken. 1,000 draws of the default baseline take a few seconds; a million would take hours
// and gigabytes: use `ricardo sweep` across machines for studies that size.
inline constexpr int kMaxDraws = 100'000;
// Most outcome values the draws of one run may hold until the bands are taken (8 bytes each,
// 2 GB): a draw holds (4 + N) · N of them, 192 on the 12-region world baseline, 20,160 on a
// 140-region one. RunDraws refuses more with a LimitError naming the largest count that fits.
inline constexpr std::size_t kMaxDrawValues = 250'000'000;

struct DrawSettings {
  int draws = 0;           // number of draws (≥ 1 to run any)
  std::uint64_t seed = 1;  // same seed, same draws
  bool theta = true;       // draw θ_j around the baseline's values with its standard errors
  bool usmca = true;       // draw the USMCA utilisation of Canada's and Mexico's exports
  // The utilisation range spans the monthly shares of the compile month and this many months
  // either side (where the data have them).
  int usmca_window_months = 3;
  int threads = 0;       // solves at once; 0 = the available cores
  SolverOptions solver;  // `threads` and `start` inside are set per draw
};

// Per draw k, the uniform numbers in (0, 1) of one stream: θ of sector j uses
// DrawUniform(seed, k, kStreamTheta, j); the USMCA utilisation of partner p uses
// DrawUniform(seed, k, kStreamUsmca, p).
inline constexpr std::uint32_t kStreamTheta = 1;
inline constexpr std::uint32_t kStreamUsmca = 2;
double DrawUniform(std::uint64_t seed, std::uint64_t draw, std::uint32_t stream,
                   std::uint32_t index);
// Φ⁻¹(u) for u in (0, 1), to about 1e-15 (Wichura's AS 241).
double InverseNormalCdf(double u);

// θ of draw k: θ_j from a normal distribution with mean the baseline's θ_j and standard
// deviation its standard error, truncated to θ_j > kMinDrawnTheta by drawing from the truncated
// distribution's inverse CDF (one uniform per sector, so common random numbers survive the
// truncation). Sectors with theta_se = 0 keep their θ.
inline constexpr double kMinDrawnTheta = 1.0;
std::vector<double> DrawTheta(const Baseline& baseline, std::uint64_t seed, std::uint64_t draw);

// The USMCA utilisation uncertainty of one partner (Canada or Mexico exporting to the US): the
// share of its US imports claimed under USMCA on the compile date (pooled over the compile's
// months), and the lowest and highest monthly share observed around the compile month
// (DrawSettings::usmca_window_months either side); a draw takes a share uniformly between them
// and moves every product's claimed share towards 0 or 1 in proportion (so the tariffs are
// interpolated between three compiles: no claims, the data's claims, full claims).
struct UsmcaRange {
  std::string partner;           // ISO3 code of the exporter ("CAN", "MEX")
  double share = 0.0;            // claimed share of US imports from the partner used by the compile
  double low = 0.0, high = 0.0;  // lowest and highest monthly share around the compile month
  std::vector<std::string> months;  // the months the range is taken over
  Array3 tariffs_none;              // t′ with no product claimed
  Array3 tariffs_full;              // t′ with every product fully claimed
};

struct UncertaintyInputs {
  std::vector<UsmcaRange> usmca;   // empty when not drawn (or the scenario has no such measure)
  std::vector<std::string> notes;  // what is drawn and from where, for the report
};

struct Scenario;
struct CompiledScenario;
struct CompileOptions;
// Checks that there is something to draw (a θ with a standard error, or a USMCA share that moves
// a tariff) and, for the USMCA utilisation, compiles the scenario twice more (no claims, full
// claims) with `options` and reads the monthly shares from the product data. ArgumentError when
// nothing can be drawn or a drawn θ is not above kMinDrawnTheta.
UncertaintyInputs PrepareUncertainty(const Scenario& scenario, const CompiledScenario& compiled,
                                     const CompileOptions& options, const DrawSettings& settings);
// The counterfactual tariffs of draw k: the point's, with each partner's cells (every importer
// and sector, exporter = the partner) moved to the drawn utilisation.
Array3 DrawTariffs(const Array3& point_tariffs, const Baseline& baseline,
                   const UncertaintyInputs& inputs, std::uint64_t seed, std::uint64_t draw);

// ---- Results ----

struct Band {
  double p05 = 0.0, p50 = 0.0, p95 = 0.0;
};
// Percentiles by linear interpolation between order statistics (type 7 of Hyndman and Fan,
// R's and NumPy's default). NaN values are left out; all-NaN gives NaN bands.
Band BandOf(std::vector<double> values);

// Headline outcomes of one draw, in percent changes.
struct DrawOutcomes {
  bool converged = false;
  std::vector<double> welfare_pct, real_wage_pct, exports_pct, imports_pct;  // per region
  std::vector<double>
      bilateral_trade_pct;  // (importer, exporter) flat, n·N + i; NaN on the diagonal
};
DrawOutcomes ComputeDrawOutcomes(const Baseline& baseline, const Shock& shock,
                                 const Solution& solution);
// A draw's outcomes as bytes and back (an MPI rank sends them to the coordinator): the doubles'
// bits travel unchanged. kInternal Error for bytes of the wrong length.
std::string DrawOutcomesToBytes(const DrawOutcomes& outcomes);
DrawOutcomes DrawOutcomesFromBytes(std::string_view bytes, std::size_t regions);

struct DrawResult {
  DrawSettings settings;
  std::vector<DrawOutcomes> draws;  // in draw order
  std::size_t non_converged = 0;
  // Per region: "welfare_pct", "real_wage_pct", "exports_pct", "imports_pct" → band.
  std::vector<std::map<std::string, Band>> country_bands;
  std::vector<Band> bilateral_bands;  // (importer, exporter) flat as in DrawOutcomes
  std::vector<std::string> notes;
};

// Draw k alone: θ and tariffs of draw k, solved warm-started from `point` on one thread. What
// RunDraws does per draw, and what an MPI rank computes for the draws handed to it.
DrawOutcomes SolveDraw(const Baseline& baseline, const Shock& shock,
                       const std::shared_ptr<const Equilibrium>& point,
                       const UncertaintyInputs& inputs, const DrawSettings& settings,
                       std::uint64_t draw);
// The bands of solved draws (in draw order).
DrawResult SummariseDraws(const Baseline& baseline, const DrawSettings& settings,
                          const UncertaintyInputs& inputs, std::vector<DrawOutcomes> draws);

// ArgumentError for fewer than one draw or negative threads; LimitError when the draws' outcomes
// would exceed kMaxDrawValues.
void CheckDrawCount(const Baseline& baseline, const DrawSettings& settings);

// Solves the shock once per draw, in parallel, each warm-started from `point`, and the bands.
// Non-converged draws are counted and left out of the bands (DrawResult::non_converged).
DrawResult RunDraws(const Baseline& baseline, const Shock& shock, const Solution& point,
                    const UncertaintyInputs& inputs, const DrawSettings& settings);

class ProcessGroup;  // ricardo/distribute.hpp
// RunDraws over the threads and MPI ranks of `group` (collective: every rank calls it with the
// same inputs). The bands on rank 0, bit for bit those of RunDraws; nullopt on the other ranks.
std::optional<DrawResult> RunDrawsDistributed(const ProcessGroup& group, const Baseline& baseline,
                                              const Shock& shock, const Solution& point,
                                              const UncertaintyInputs& inputs,
                                              const DrawSettings& settings);

// What run.json carries (docs/run-result-schema.md, "uncertainty"): settings, notes and the
// one sentence that says what the bands are.
nlohmann::json UncertaintyToJson(const DrawResult& result);
// "Bands: 5th–95th percentile over N draws of the trade elasticities and USMCA utilisation;
//  uncertainty about these parameters, not a forecast interval."
std::string BandsSentence(const DrawResult& result);

}  // namespace ricardo
