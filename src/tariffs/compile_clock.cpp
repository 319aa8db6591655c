#include "tariffs/compile_clock.hpp"

#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo::detail {

CompileClock::CompileClock(std::optional<double> max_time_in_seconds, std::string where)
    : max_time_in_seconds_(max_time_in_seconds), where_(std::move(where)) {}

void CompileClock::CheckNow() const {
  if (!max_time_in_seconds_) return;
  const double elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (elapsed_seconds <= *max_time_in_seconds_) return;
  throw LimitError(Location{where_, 0, 0, ""},
                   fmt::format("compiling stopped after {:.2f} s, the limit is {:g} s", elapsed_seconds,
                               *max_time_in_seconds_),
                   "raise the time limit (CompileOptions::max_time_in_seconds; the server's "
                   "--solve-time-limit), or write fewer overlapping measures: one measure with several "
                   "origins or a wider scope instead of many that stack");
}

}  // namespace ricardo::detail
