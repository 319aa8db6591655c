// StreamSensitivity: a pool of solvers over the variants, results handed over in variant order.
// A solver may run at most kAheadPerWorker × workers variants ahead of the next one handed
// over, so a slow variant holds back a bounded number of finished results, not the whole sweep.
#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "core/run_on_threads.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/sensitivity.hpp"

namespace ricardo {
namespace {

constexpr std::size_t kAheadPerWorker = 2;

void CheckVariants(const Baseline& baseline, const std::vector<ElasticityVariant>& variants) {
  if (variants.empty()) throw ArgumentError("sensitivity needs at least one elasticity variant");
  for (const auto& v : variants) {
    if (v.theta.size() != baseline.sector_count()) {
      throw ArgumentError(
          fmt::format("variant '{}' has {} elasticities, the baseline has {} sectors", v.label,
                      v.theta.size(), baseline.sector_count()));
    }
    for (std::size_t j = 0; j < v.theta.size(); ++j) {
      if (!(v.theta[j] > 0.0) || !std::isfinite(v.theta[j]))
        throw ArgumentError(
            fmt::format("variant '{}': theta of sector '{}' is {}, must be positive", v.label,
                        baseline.sectors[j].code, v.theta[j]));
    }
  }
}

}  // namespace

void StreamSensitivity(const Baseline& baseline, const Shock& shock, const RunMetadata& metadata,
                       const std::vector<ElasticityVariant>& variants, const SensitivitySink& sink,
                       const SensitivityOptions& options) {
  CheckVariants(baseline, variants);
  if (options.threads < 0)
    throw ArgumentError(fmt::format("threads is {}, must be at least 0", options.threads));
  SolverOptions one = options.solver;
  one.threads = 1;
  one.progress = nullptr;  // callbacks are not thread-safe
  std::string error;
  if (!one.IsValid(&error)) throw ArgumentError("invalid solver options: " + error);
  std::size_t workers = options.threads > 0 ? static_cast<std::size_t>(options.threads)
                                            : std::max(1u, std::thread::hardware_concurrency());
  workers = std::min(workers, variants.size());
  const std::size_t ahead = kAheadPerWorker * workers;

  std::mutex mutex;
  std::condition_variable room;               // a solver may take the next variant
  std::size_t next_to_take = 0;               // guarded by mutex
  std::size_t next_to_hand = 0;               // guarded by mutex
  bool handing = false;                       // one sink call at a time, outside the lock
  std::map<std::size_t, RunResult> finished;  // solved, waiting for earlier variants
  std::exception_ptr failure;

  auto work = [&] {
    for (;;) {
      std::size_t k = 0;
      {
        std::unique_lock<std::mutex> lock(mutex);
        room.wait(lock, [&] { return failure || next_to_take < next_to_hand + ahead; });
        if (failure || next_to_take >= variants.size()) return;
        k = next_to_take++;
      }
      try {
        Baseline b = baseline;
        for (std::size_t j = 0; j < b.sector_count(); ++j)
          b.sectors[j].theta = variants[k].theta[j];
        RunMetadata meta = metadata;
        meta.notes.push_back("trade elasticities: " + variants[k].label);
        RunResult result = RunCounterfactual(std::move(b), shock, one, std::move(meta));
        std::unique_lock<std::mutex> lock(mutex);
        finished.emplace(k, std::move(result));
        // Whoever finds the next variant ready hands over everything ready from there on.
        while (!handing && !failure) {
          auto it = finished.find(next_to_hand);
          if (it == finished.end()) break;
          RunResult ready = std::move(it->second);
          finished.erase(it);
          handing = true;
          lock.unlock();
          try {
            sink(next_to_hand, variants[next_to_hand], ready);
          } catch (...) {
            lock.lock();
            handing = false;
            if (!failure) failure = std::current_exception();
            room.notify_all();
            return;
          }
          lock.lock();
          handing = false;
          ++next_to_hand;
          room.notify_all();
        }
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!failure) failure = std::current_exception();
        room.notify_all();
        return;
      }
    }
  };
  detail::RunOnThreads(workers, work);
  if (failure) std::rethrow_exception(failure);
}

}  // namespace ricardo
