// Solving several counterfactuals at once: a fixed pool of std::threads takes requests in
// order; each solve runs single-threaded so that results do not depend on the thread count.
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

#include "core/run_on_threads.hpp"
#include "ricardo/compare.hpp"
#include "ricardo/error.hpp"

namespace ricardo {

std::vector<ComparedRun> RunCounterfactuals(std::vector<RunRequest> requests,
                                            const SolverOptions& solver, int threads) {
  if (requests.empty()) throw ArgumentError("nothing to solve: no scenario given");
  std::set<std::string> labels;
  for (const auto& r : requests) {
    if (!labels.insert(r.label).second) {
      throw ArgumentError("two runs have the same label '" + r.label + "'",
                          "give every scenario a distinct name");
    }
  }
  if (threads < 0) throw ArgumentError("threads is " + std::to_string(threads) + ", must be ≥ 0");
  SolverOptions one = solver;
  one.threads = 1;
  one.progress = nullptr;  // callbacks are not thread-safe; callers report per finished run
  std::string error;
  if (!one.IsValid(&error)) throw ArgumentError("invalid solver options: " + error);

  std::size_t workers = threads > 0 ? static_cast<std::size_t>(threads)
                                    : std::max(1u, std::thread::hardware_concurrency());
  workers = std::min(workers, requests.size());
  std::vector<ComparedRun> results(requests.size());
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (std::size_t k = next++; k < requests.size(); k = next++) {
      try {
        RunRequest& q = requests[k];
        results[k] = {q.label, RunCounterfactual(std::move(q.baseline), std::move(q.shock), one,
                                                 std::move(q.metadata))};
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  detail::RunOnThreads(workers, work);
  if (failure) std::rethrow_exception(failure);
  return results;
}

Comparison CompareRuns(std::vector<RunRequest> requests, const SolverOptions& solver, int threads) {
  for (std::size_t k = 1; k < requests.size(); ++k) {
    const auto& a = requests[0].baseline.regions;
    const auto& b = requests[k].baseline.regions;
    if (a != b) {
      throw ArgumentError("scenario '" + requests[k].label +
                              "' is on a baseline with other regions than '" + requests[0].label +
                              "'",
                          "compare scenarios on the same baseline");
    }
  }
  const auto start = std::chrono::steady_clock::now();
  Comparison c;
  c.runs = RunCounterfactuals(std::move(requests), solver, threads);
  c.seconds_total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return c;
}

}  // namespace ricardo
