// Sectors with a high trade elasticity: their largest changes under the run's θ and under a
// lower published θ, from a second solve (include/ricardo/elasticity_flags.hpp).
#include "ricardo/elasticity_flags.hpp"

#include <cmath>
#include <limits>

#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double Change(double base, double now) {
  return base != 0.0 ? now / base - 1.0 : kNaN;
}

// The region whose output of `sector` changes most (largest |percent change|) among those
// holding at least `min_share` of the sector's world output; false if none produces it. Percent
// here: a money ranking would always pick the largest producer.
bool MostMovedRegion(const Outcomes& o, std::size_t sector, double min_share, std::size_t* region) {
  const std::size_t N = o.gross_output_base.rows();
  double world = 0.0;
  for (std::size_t r = 0; r < N; ++r) world += o.gross_output_base(r, sector);
  double largest = -1.0;
  for (std::size_t r = 0; r < N; ++r) {
    const double base = o.gross_output_base(r, sector);
    if (base <= 0.0 || base < min_share * world) continue;
    const double moved = std::abs(Change(base, o.gross_output_new(r, sector)));
    if (moved > largest) {  // strict: ties keep the first region in baseline order
      largest = moved;
      *region = r;
    }
  }
  return largest >= 0.0;
}

// The pair (importer, exporter ≠ importer) whose imports in `sector` change most in money (largest
// |new − base|); false if the sector is not traded between regions. Money rather than percent:
// a percent change of a small flow can be huge and mean little, while the money change says
// which flow the θ moves.
bool MostMovedPair(const Outcomes& o, std::size_t sector, std::size_t* importer,
                   std::size_t* exporter) {
  const std::size_t N = o.flows_base.dim0();
  double largest = -1.0;
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i) {
      const double base = o.flows_base(n, i, sector);
      if (i == n || base <= 0.0) continue;
      const double moved = std::abs(o.flows_new(n, i, sector) - base);
      if (moved > largest) {  // strict: ties keep the first pair in baseline order
        largest = moved;
        *importer = n;
        *exporter = i;
      }
    }
  return largest >= 0.0;
}

// The pair whose imports over all sectors change most in percent: the run's largest bilateral
// change, whose size the reader is most likely to quote; false if no pair trades.
bool MostMovedPairTotal(const Outcomes& o, std::size_t* importer, std::size_t* exporter) {
  const std::size_t N = o.flows_base.dim0();
  double largest = -1.0;
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i) {
      const double base = o.BilateralImportsBase(n, i);
      if (i == n || base <= 0.0) continue;
      const double moved = std::abs(Change(base, o.BilateralImportsNew(n, i)));
      if (moved > largest) {
        largest = moved;
        *importer = n;
        *exporter = i;
      }
    }
  return largest >= 0.0;
}

double PairTotal(const Array3& flows, std::size_t importer, std::size_t exporter) {
  double total = 0.0;
  const double* row = flows.row(importer, exporter);
  for (std::size_t j = 0; j < flows.dim2(); ++j) total += row[j];
  return total;
}

// What the second solve gives.
struct AlternativeSolve {
  SolverSummary summary;
  Array2 gross_output;  // (region, sector), money units; empty unless converged
  Array3 flows;         // (importer, exporter, sector), net of tariffs; empty unless converged
};

// The counterfactual of `shock` with θ of `sector` replaced, solved from no change, as a run of
// the same scenario with that elasticity override would solve it.
AlternativeSolve SolveWithTheta(const Baseline& baseline, const Shock& shock,
                                const SolverOptions& solver, std::size_t sector, double theta) {
  Baseline changed = baseline;
  changed.sectors[sector].theta = theta;
  SolverOptions cold = solver;
  cold.start = nullptr;     // the main run's equilibrium belongs to another θ
  cold.progress = nullptr;  // the caller's progress line describes the main solve
  const Solution solution = Solve(changed, shock, cold);
  AlternativeSolve out;
  out.summary = solution.summary;
  if (!solution.summary.IsConverged()) return out;
  const Baseline counterfactual = ApplyEquilibrium(changed, shock, solution.equilibrium);
  out.gross_output = GrossOutput(counterfactual);
  out.flows = counterfactual.trade_flows;
  return out;
}

FlaggedChange PairImportsChange(const Outcomes& o, const Array3& alternative_flows, bool solved,
                                std::size_t importer, std::size_t exporter) {
  FlaggedChange c;
  c.measure = FlaggedMeasure::kPairImports;
  c.region = importer;
  c.partner = exporter;
  c.value_base = o.BilateralImportsBase(importer, exporter);
  c.value_new = o.BilateralImportsNew(importer, exporter);
  c.value_new_alternative = solved ? PairTotal(alternative_flows, importer, exporter) : kNaN;
  return c;
}

}  // namespace

bool ElasticityFlagOptions::IsValid(std::string* error) const {
  auto fail = [&](const std::string& message) {
    if (error) *error = message;
    return false;
  };
  if (!(std::isfinite(theta_threshold) && theta_threshold > 0.0))
    return fail(fmt::format("theta_threshold is {}, must be a positive number", theta_threshold));
  if (!(std::isfinite(alternative_theta) && alternative_theta > 0.0))
    return fail(
        fmt::format("alternative_theta is {}, must be a positive number", alternative_theta));
  if (!(min_output_share >= 0.0 && min_output_share < 1.0))
    return fail(fmt::format("min_output_share is {}, must be in [0, 1)", min_output_share));
  return true;
}

const char* ToString(FlaggedMeasure measure) {
  switch (measure) {
    case FlaggedMeasure::kGrossOutput: return "gross_output";
    case FlaggedMeasure::kSectorImports: return "sector_imports";
    case FlaggedMeasure::kPairImports: return "pair_imports";
  }
  return "unknown";
}

double FlaggedChange::change() const {
  return Change(value_base, value_new);
}
double FlaggedChange::change_alternative() const {
  return Change(value_base, value_new_alternative);
}

std::vector<ElasticityFlag> FlagHighElasticities(const Baseline& baseline, const Shock& shock,
                                                 const Outcomes& outcomes,
                                                 const SolverOptions& solver,
                                                 const ElasticityFlagOptions& options) {
  std::string error;
  if (!options.IsValid(&error)) throw ArgumentError("invalid elasticity flag options: " + error);
  std::vector<ElasticityFlag> flags;
  if (!options.enabled) return flags;
  for (std::size_t j = 0; j < baseline.sector_count(); ++j) {
    const Sector& sector = baseline.sectors[j];
    // A non-tradable sector's price follows its own cost whatever θ is.
    if (!sector.tradable || !(sector.theta > options.theta_threshold)) continue;
    ElasticityFlag flag;
    flag.sector = j;
    flag.theta = sector.theta;
    flag.theta_threshold = options.theta_threshold;
    flag.alternative_theta = options.alternative_theta;
    flag.alternative_source = options.alternative_source;
    flag.min_output_share = options.min_output_share;

    const AlternativeSolve alt =
        SolveWithTheta(baseline, shock, solver, j, options.alternative_theta);
    flag.alternative_termination = alt.summary.termination;
    flag.alternative_message = alt.summary.message;
    const bool solved = alt.summary.IsConverged();

    std::size_t region = 0;
    if (MostMovedRegion(outcomes, j, options.min_output_share, &region)) {
      FlaggedChange c;
      c.measure = FlaggedMeasure::kGrossOutput;
      c.region = c.partner = region;
      c.value_base = outcomes.gross_output_base(region, j);
      c.value_new = outcomes.gross_output_new(region, j);
      c.value_new_alternative = solved ? alt.gross_output(region, j) : kNaN;
      flag.changes.push_back(c);
    }
    std::size_t importer = 0, exporter = 0;
    const bool sector_traded = MostMovedPair(outcomes, j, &importer, &exporter);
    if (sector_traded) {
      FlaggedChange c;
      c.measure = FlaggedMeasure::kSectorImports;
      c.region = importer;
      c.partner = exporter;
      c.value_base = outcomes.flows_base(importer, exporter, j);
      c.value_new = outcomes.flows_new(importer, exporter, j);
      c.value_new_alternative = solved ? alt.flows(importer, exporter, j) : kNaN;
      flag.changes.push_back(c);

      flag.changes.push_back(PairImportsChange(outcomes, alt.flows, solved, importer, exporter));
    }
    std::size_t headline_importer = 0, headline_exporter = 0;
    if (MostMovedPairTotal(outcomes, &headline_importer, &headline_exporter) &&
        !(sector_traded && headline_importer == importer && headline_exporter == exporter)) {
      flag.changes.push_back(
          PairImportsChange(outcomes, alt.flows, solved, headline_importer, headline_exporter));
    }
    flags.push_back(std::move(flag));
  }
  return flags;
}

}  // namespace ricardo
