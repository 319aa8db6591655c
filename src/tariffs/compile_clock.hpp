// The compile's time limit (CompileOptions::max_time_in_seconds), checked cooperatively.
//
// A compile has no natural place to be interrupted from outside, and the server counts a
// compile against the same time limit as a solve: so the compile's loops call Check(), which
// reads the clock every 256th call (a clock read costs about as much as a stacking step) and
// throws LimitError once the limit has passed.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace ricardo::detail {

class CompileClock {
 public:
  CompileClock() = default;
  // `where` names the scenario in the error (its file, or its name).
  CompileClock(std::optional<double> max_time_in_seconds, std::string where);

  // Throws LimitError if the limit has passed; does nothing without a limit.
  void Check() const {
    if (!max_time_in_seconds_ || (++calls_ & 255u) != 0) return;
    CheckNow();
  }
  // The same, reading the clock on every call (for loops whose steps are long).
  void CheckNow() const;

 private:
  std::optional<double> max_time_in_seconds_;
  std::string where_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  mutable unsigned calls_ = 0;
};

}  // namespace ricardo::detail
