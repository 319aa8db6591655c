// The compile's time limit (CompileOptions::max_time_in_seconds), checked cooperatively.
//
// A compile has no natural place to be interrupted from outside, and the server counts a
// compile against the same time limit as a solve: so the compile's loops call Check(), which
// reads the clock every 256th call (a clock read costs about as much as a stacking step) and
// throws LimitError once the limit has passed. Header-only: the scenario parser's rule
// resolution uses it, and the fuzz target builds the parser from a list of sources.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo::detail {

class CompileClock {
 public:
  CompileClock() = default;
  // `where` names the scenario in the error (its file, or its name).
  CompileClock(std::optional<double> max_time_in_seconds, std::string where)
      : max_time_in_seconds_(max_time_in_seconds), where_(std::move(where)) {}

  // Throws LimitError if the limit has passed; does nothing without a limit.
  void Check() const {
    if (!max_time_in_seconds_ || (++calls_ & 255u) != 0) return;
    CheckNow();
  }
  // The same, reading the clock on every call (for loops whose steps are long).
  void CheckNow() const {
    if (!max_time_in_seconds_) return;
    const double elapsed_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (elapsed_seconds <= *max_time_in_seconds_) return;
    throw LimitError(
        Location{where_, 0, 0, ""},
        fmt::format("compiling stopped after {:.2f} s, the limit is {:g} s", elapsed_seconds,
                    *max_time_in_seconds_),
        "raise the time limit (CompileOptions::max_time_in_seconds; the server's "
        "--solve-time-limit), or write fewer overlapping measures: one measure with several "
        "origins or a wider scope instead of many that stack");
  }

 private:
  std::optional<double> max_time_in_seconds_;
  std::string where_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  mutable unsigned calls_ = 0;
};

}  // namespace ricardo::detail
