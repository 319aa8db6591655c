// A one-line solver progress display for terminals; silent everywhere else.
#include <unistd.h>

#include <chrono>
#include <memory>

#include "fmt/format.h"
#include "ricardo/report.hpp"

namespace ricardo {

TerminalProgress MakeTerminalProgress(std::FILE* stream, const std::string& label,
                                      double delay_seconds) {
  TerminalProgress out;
  const bool terminal = stream != nullptr && isatty(fileno(stream)) == 1;
  if (!terminal) {
    out.callback = [](const SolverProgress&) {};
    out.finish = [] {};
    return out;
  }
  struct State {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    bool shown = false;
  };
  auto state = std::make_shared<State>();
  out.callback = [=](const SolverProgress& p) {
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - state->start).count();
    if (elapsed < delay_seconds) return;
    state->shown = true;
    std::fputs(fmt::format("\r\033[K{}: iteration {}, residual {:.1e}, {:.1f} s", label,
                           p.outer_iteration, p.max_relative_residual, elapsed)
                   .c_str(),
               stream);
    std::fflush(stream);
  };
  out.finish = [=] {
    if (!state->shown) return;
    std::fputs("\r\033[K", stream);  // erase the line so the results start clean
    std::fflush(stream);
  };
  return out;
}

}  // namespace ricardo
