// Solving a chunk of sweep points: each point's shock from its compile's tariff form, its θ
// from the elasticity draw, the solve warm-started from the point before it in the chunk.
#include <mutex>

#include "fmt/format.h"
#include "ricardo/outcomes.hpp"
#include "ricardo/uncertainty.hpp"
#include "sweep/sweep_internal.hpp"

namespace ricardo::detail {
namespace {

double PercentChange(double base, double now) {
  return base == 0.0 ? NAN : 100.0 * (now - base) / base;
}

// The values of one point in SweepIndicators() order, region by region.
void AppendValues(const Outcomes& outcomes, std::string& line) {
  for (const CountryOutcome& c : outcomes.countries) {
    for (const double v :
         {100.0 * c.welfare_exact, 100.0 * c.real_wage_change,
          PercentChange(c.exports_base, c.exports_new),
          PercentChange(c.imports_base, c.imports_new),
          PercentChange(c.tariff_revenue_base, c.tariff_revenue_new), c.TariffRevenueChange()}) {
      line += ',';
      line += FormatNumber(v);
    }
  }
}

}  // namespace

std::size_t SweepValueCount(const Baseline& baseline) {
  return baseline.region_count() * SweepIndicators().size();
}

struct ChunkSolver::State {
  const SweepSpec& spec;
  const Baseline& baseline;
  SolverOptions solver;
  // One compile per SweepSpec::compiles entry, made by the first point that needs it.
  std::vector<std::once_flag> once;
  std::vector<std::unique_ptr<const CompiledScenario>> compiled;
  // Per compile: the scenario index of each of spec.rate_measures.
  std::vector<std::vector<std::size_t>> measure_index;

  State(const SweepSpec& s, const Baseline& b, const SolverOptions& o)
      : spec(s),
        baseline(b),
        solver(o),
        once(s.compiles.size()),
        compiled(s.compiles.size()),
        measure_index(s.compiles.size()) {}

  const CompiledScenario& Compiled(std::size_t k) {
    std::call_once(once[k], [&] {
      const SweepCompile& c = spec.compiles[k];
      const Scenario& scenario = spec.scenarios[c.scenario];
      CompileOptions options;
      options.date = c.date;
      options.usmca_share_override = c.usmca_share;
      options.product_trace = false;  // a sweep needs the tariff form, not the product lines
      compiled[k] =
          std::make_unique<const CompiledScenario>(CompileScenario(scenario, baseline, options));
      for (const std::string& id : spec.rate_measures) {
        std::size_t index = 0;
        while (index < scenario.measures.size() && scenario.measures[index].id != id) ++index;
        measure_index[k].push_back(index);  // the spec checked every id exists
      }
    });
    return *compiled[k];
  }
};

ChunkSolver::ChunkSolver(const SweepSpec& spec, const Baseline& baseline,
                         const SolverOptions& solver)
    : state_(std::make_unique<State>(spec, baseline, solver)) {
  state_->solver.threads = 1;         // parallel over points, not inside one solve
  state_->solver.progress = nullptr;  // the sweep shows its own progress
  state_->solver.start = nullptr;
}

ChunkSolver::~ChunkSolver() = default;

std::string ChunkSolver::SolveChunk(std::size_t chunk) const {
  State& s = *state_;
  const auto [first, last] = SweepChunkPoints(s.spec, chunk);
  std::string lines;
  std::shared_ptr<const Equilibrium> previous;  // the solution of the point before, if converged
  for (std::size_t k = first; k < last; ++k) {
    const SweepPoint point = s.spec.Point(k);
    const CompiledScenario& compiled = s.Compiled(point.compile);
    std::vector<double> rates = compiled.rates;
    for (std::size_t m = 0; m < point.rates.size(); ++m) {
      if (point.rates[m]) rates[s.measure_index[point.compile][m]] = *point.rates[m];
    }
    Shock shock = compiled.shock;
    compiled.tariffs.EvaluateInto(rates, shock.tariff_rates);
    Baseline baseline = compiled.baseline;
    if (point.theta_draw) {
      const std::vector<double> theta =
          DrawTheta(compiled.baseline, s.spec.theta_seed, *point.theta_draw);
      for (std::size_t j = 0; j < baseline.sector_count(); ++j)
        baseline.sectors[j].theta = theta[j];
    }
    SolverOptions options = s.solver;
    options.start = previous;
    const Solution solution = Solve(baseline, shock, options);
    const bool converged = solution.summary.IsConverged();
    std::string line = fmt::format("{},{}", k, converged ? 1 : 0);
    AppendValues(ComputeOutcomes(baseline, shock, solution.equilibrium), line);
    lines += line;
    lines += '\n';
    // Only a converged solution is a good start; otherwise the next point starts cold, which
    // is as deterministic.
    previous = converged ? std::make_shared<const Equilibrium>(solution.equilibrium) : nullptr;
  }
  return lines;
}

}  // namespace ricardo::detail
