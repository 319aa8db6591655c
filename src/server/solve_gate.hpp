// Bounds the CPU work of the server: at most `slots` solves run at once, at most `max_waiting`
// more wait for a slot in arrival order, and one more is refused (the caller answers 503).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace ricardo::server {

class SolveGate {
 public:
  SolveGate(int slots, int max_waiting);

  // Holds a slot until destroyed.
  class Slot {
   public:
    explicit Slot(SolveGate* gate) : gate_(gate) {}
    Slot(Slot&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Slot& operator=(Slot&&) = delete;
    ~Slot();

   private:
    SolveGate* gate_;
  };

  // A slot, after waiting in line if all are busy; nullopt if the line is full.
  std::optional<Slot> Enter();

  int running() const;
  int waiting() const;
  long long refused() const;

 private:
  struct Waiter {
    std::condition_variable ready;
    bool admitted = false;
  };
  void Release();

  const int slots_;
  const int max_waiting_;
  mutable std::mutex mutex_;
  int running_ = 0;
  long long refused_ = 0;
  std::deque<Waiter*> line_;  // first in, first admitted
};

}  // namespace ricardo::server
