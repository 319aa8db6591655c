#include "server/solve_gate.hpp"

namespace ricardo::server {

SolveGate::SolveGate(int slots, int max_waiting) : slots_(slots), max_waiting_(max_waiting) {}

SolveGate::Slot::~Slot() {
  if (gate_) gate_->Release();
}

std::optional<SolveGate::Slot> SolveGate::Enter() {
  std::unique_lock lock(mutex_);
  if (running_ < slots_ && line_.empty()) {
    ++running_;
    return Slot(this);
  }
  if (static_cast<int>(line_.size()) >= max_waiting_) {
    ++refused_;
    return std::nullopt;
  }
  Waiter me;
  line_.push_back(&me);
  // Release() hands its slot over directly (running_ stays counted), so nobody can overtake.
  me.ready.wait(lock, [&] { return me.admitted; });
  return Slot(this);
}

void SolveGate::Release() {
  std::lock_guard lock(mutex_);
  if (!line_.empty()) {
    Waiter* next = line_.front();
    line_.pop_front();
    next->admitted = true;
    next->ready.notify_one();
    return;
  }
  --running_;
}

int SolveGate::running() const {
  std::lock_guard lock(mutex_);
  return running_;
}

int SolveGate::waiting() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(line_.size());
}

long long SolveGate::refused() const {
  std::lock_guard lock(mutex_);
  return refused_;
}

}  // namespace ricardo::server
