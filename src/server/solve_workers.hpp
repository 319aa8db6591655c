// The server's computing threads: a fixed number of workers take solves from one line in arrival
// order, at most `max_waiting` jobs wait for a free worker, and one more is refused (the caller
// answers 503).
//
// Why workers rather than a gate on the connection threads: with a gate, each freed slot had to
// wake the next waiting connection thread before the core had work again; under 200 concurrent
// solves that left the 2 cores idle 15-18% of the time. A worker that finishes a solve takes the
// next one itself, and the connection threads only read requests and write answers.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

namespace ricardo::server {

class SolveWorkers {
 public:
  // `nice` > 0 lowers the workers' scheduling priority by that much (setpriority on each worker
  // thread, Linux): the draws worker runs at a lower priority than the solve workers, so that
  // on a machine with as many solve workers as cores a long draws job takes the cores only when
  // no slider's solve wants them.
  SolveWorkers(int workers, int max_waiting, int nice = 0);
  // Finishes the jobs already in line, then joins the workers.
  ~SolveWorkers();
  SolveWorkers(const SolveWorkers&) = delete;
  SolveWorkers& operator=(const SolveWorkers&) = delete;

  // Runs `job` on a worker and returns its result (rethrowing its exception) once done;
  // nullopt, without running it, if the line is full.
  template <class Job>
  std::optional<std::invoke_result_t<Job&>> Run(Job job) {
    using Result = std::invoke_result_t<Job&>;
    auto task = std::make_shared<std::packaged_task<Result()>>(std::move(job));
    std::future<Result> result = task->get_future();
    if (!Submit([task] { (*task)(); })) return std::nullopt;
    return result.get();
  }

  int running() const;
  int waiting() const;
  long long refused() const;

 private:
  // False if the line is full.
  bool Submit(std::function<void()> job);
  void Work(int nice);

  const int max_waiting_;
  mutable std::mutex mutex_;
  std::condition_variable work_ready_;
  std::deque<std::function<void()>> line_;  // first in, first taken
  int idle_ = 0;
  int running_ = 0;
  long long refused_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace ricardo::server
