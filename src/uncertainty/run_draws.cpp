// The draws, solved on all cores. Every draw starts from the point solution (never from another
// draw), so its answer does not depend on which thread or process solved it, nor in what order.
#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "core/run_on_threads.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/uncertainty.hpp"

namespace ricardo {

DrawOutcomes SolveDraw(const Baseline& baseline, const Shock& shock,
                       const std::shared_ptr<const Equilibrium>& point,
                       const UncertaintyInputs& inputs, const DrawSettings& settings,
                       std::uint64_t draw) {
  Baseline b = baseline;
  if (settings.theta) {
    const std::vector<double> theta = DrawTheta(baseline, settings.seed, draw);
    for (std::size_t j = 0; j < b.sector_count(); ++j) b.sectors[j].theta = theta[j];
  }
  Shock s = shock;
  if (!inputs.usmca.empty())
    s.tariff_rates = DrawTariffs(shock.tariff_rates, baseline, inputs, settings.seed, draw);
  SolverOptions options = settings.solver;
  options.threads = 1;
  options.progress = nullptr;
  options.start = point;
  const Solution solution = Solve(b, s, options);
  return ComputeDrawOutcomes(b, s, solution);
}

DrawResult SummariseDraws(const Baseline& baseline, const DrawSettings& settings,
                          const UncertaintyInputs& inputs, std::vector<DrawOutcomes> draws) {
  DrawResult out;
  out.settings = settings;
  out.settings.solver.start = nullptr;
  out.settings.solver.progress = nullptr;
  out.notes = inputs.notes;
  out.draws = std::move(draws);
  const std::size_t N = baseline.region_count();
  for (const DrawOutcomes& d : out.draws) out.non_converged += d.converged ? 0 : 1;
  auto band = [&](auto member, std::size_t k) {
    std::vector<double> values;
    values.reserve(out.draws.size());
    for (const DrawOutcomes& d : out.draws) values.push_back((d.*member)[k]);
    return BandOf(std::move(values));
  };
  out.country_bands.resize(N);
  for (std::size_t n = 0; n < N; ++n) {
    out.country_bands[n] = {{"welfare_pct", band(&DrawOutcomes::welfare_pct, n)},
                            {"real_wage_pct", band(&DrawOutcomes::real_wage_pct, n)},
                            {"exports_pct", band(&DrawOutcomes::exports_pct, n)},
                            {"imports_pct", band(&DrawOutcomes::imports_pct, n)}};
  }
  out.bilateral_bands.resize(N * N);
  for (std::size_t k = 0; k < N * N; ++k)
    out.bilateral_bands[k] = band(&DrawOutcomes::bilateral_trade_pct, k);
  return out;
}

void CheckDrawCount(const Baseline& baseline, const DrawSettings& settings) {
  if (settings.draws < 1)
    throw ArgumentError(fmt::format("{} draws asked for", settings.draws), "ask for 1 or more");
  if (settings.threads < 0)
    throw ArgumentError(fmt::format("threads is {}, must be at least 0", settings.threads));
  const std::size_t count = static_cast<std::size_t>(settings.draws);
  const std::size_t N = baseline.region_count(), per_draw = (4 + N) * N;
  if (count * per_draw > kMaxDrawValues) {
    throw LimitError(Location{"--draws", 0, 0, {}},
                     fmt::format("{} draws of a {}-region baseline would hold {} outcome values, "
                                 "more than the {} one run holds",
                                 count, N, count * per_draw, kMaxDrawValues),
                     fmt::format("ask for at most {} draws, or spread them over several seeds "
                                 "with `ricardo sweep`",
                                 kMaxDrawValues / per_draw));
  }
}

DrawResult RunDraws(const Baseline& baseline, const Shock& shock, const Solution& point,
                    const UncertaintyInputs& inputs, const DrawSettings& settings) {
  CheckDrawCount(baseline, settings);
  const std::size_t count = static_cast<std::size_t>(settings.draws);
  const auto start = std::make_shared<const Equilibrium>(point.equilibrium);
  std::vector<DrawOutcomes> draws(count);
  std::size_t workers = settings.threads > 0 ? static_cast<std::size_t>(settings.threads)
                                             : std::max(1u, std::thread::hardware_concurrency());
  workers = std::min(workers, count);
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::exception_ptr failure;
  detail::RunOnThreads(workers, [&] {
    for (std::size_t k = next++; k < count; k = next++) {
      try {
        draws[k] = SolveDraw(baseline, shock, start, inputs, settings, k);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!failure) failure = std::current_exception();
        next = count;
        return;
      }
    }
  });
  if (failure) std::rethrow_exception(failure);
  return SummariseDraws(baseline, settings, inputs, std::move(draws));
}

}  // namespace ricardo
