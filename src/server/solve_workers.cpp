#include "server/solve_workers.hpp"

#include <malloc.h>        // malloc_trim (glibc)
#include <sys/resource.h>  // setpriority
#include <unistd.h>        // gettid

#include <algorithm>

namespace ricardo::server {

SolveWorkers::SolveWorkers(int workers, int max_waiting, int nice) : max_waiting_(max_waiting) {
  workers_.reserve(static_cast<std::size_t>(workers));
  for (int k = 0; k < workers; ++k) workers_.emplace_back([this, nice] { Work(nice); });
}

SolveWorkers::~SolveWorkers() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

bool SolveWorkers::Submit(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    // Jobs an idle worker is about to take are not waiting.
    const int waiting_after = static_cast<int>(line_.size()) + 1 - idle_;
    if (waiting_after > max_waiting_) {
      ++refused_;
      return false;
    }
    line_.push_back(std::move(job));
  }
  work_ready_.notify_one();
  return true;
}

void SolveWorkers::Work(int nice) {
  // On Linux a thread's nice value is its own (PRIO_PROCESS with a thread id). Raising it needs
  // no privilege; if it fails the worker runs at normal priority, which is only slower for
  // others.
  if (nice > 0) setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), nice);
  std::unique_lock lock(mutex_);
  for (;;) {
    ++idle_;
    work_ready_.wait(lock, [this] { return stopping_ || !line_.empty(); });
    --idle_;
    if (line_.empty()) return;  // stopping, and nothing left to do
    std::function<void()> job = std::move(line_.front());
    line_.pop_front();
    ++running_;
    lock.unlock();
    job();  // a packaged_task: its exception goes to the caller's future
    job = nullptr;
    // glibc keeps the pages of freed memory in its arenas (one per thread that allocated) for
    // reuse, and gives back only what lies at the top of the main heap: after one large request
    // (an /explain of hundreds of overlapping measures peaks at hundreds of MB) the server would
    // keep that much for good. Trimming returns the free pages of every arena to the system;
    // on a heap with little free it costs well under a millisecond, next to a solve's tens.
    malloc_trim(0);
    lock.lock();
    --running_;
  }
}

int SolveWorkers::running() const {
  std::lock_guard lock(mutex_);
  return running_;
}

int SolveWorkers::waiting() const {
  std::lock_guard lock(mutex_);
  return std::max(0, static_cast<int>(line_.size()) - idle_);
}

long long SolveWorkers::refused() const {
  std::lock_guard lock(mutex_);
  return refused_;
}

}  // namespace ricardo::server
