// Runs one work loop on several threads and waits for them all (the parallel runs of compare and
// of a sensitivity sweep). The loop takes its items itself (e.g. from a shared counter) and
// keeps its own record of failures: this only starts and joins the threads.
#pragma once

#include <cstddef>
#include <thread>
#include <vector>

namespace ricardo::detail {

// `work` on `workers` threads, or on the calling one when workers <= 1 (no thread to start).
template <class Work>
void RunOnThreads(std::size_t workers, const Work& work) {
  if (workers <= 1) {
    work();
    return;
  }
  std::vector<std::thread> pool;
  pool.reserve(workers);
  for (std::size_t w = 0; w < workers; ++w) pool.emplace_back(work);
  for (std::thread& t : pool) t.join();
}

}  // namespace ricardo::detail
