// A one-line solver progress display for terminals; silent everywhere else.
#include <unistd.h>

#include <algorithm>
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

namespace {

// "12 s", "4 min 05 s", "3 h 20 min": an estimate, so no more precision than that.
std::string Duration(double seconds) {
  const auto s = static_cast<long long>(seconds + 0.5);
  if (s < 60) return fmt::format("{} s", s);
  if (s < 3600) return fmt::format("{} min {:02} s", s / 60, s % 60);
  return fmt::format("{} h {:02} min", s / 3600, (s % 3600) / 60);
}

constexpr int kBarWidth = 24;
constexpr double kRedrawSeconds = 0.2;

}  // namespace

TerminalCountProgress MakeTerminalCountProgress(std::FILE* stream, const std::string& label,
                                                const std::string& unit) {
  TerminalCountProgress out;
  const bool terminal = stream != nullptr && isatty(fileno(stream)) == 1;
  if (!terminal) {
    out.update = [](std::size_t, std::size_t) {};
    out.finish = [] {};
    return out;
  }
  struct State {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point drawn{};
    bool first = true;
    std::size_t first_done = 0;  // done when this process started: not part of the speed
    bool shown = false;
  };
  auto state = std::make_shared<State>();
  out.update = [=](std::size_t done, std::size_t total) {
    const auto now = std::chrono::steady_clock::now();
    if (state->first) {
      state->first = false;
      state->first_done = done;
    }
    if (done < total && state->shown &&
        std::chrono::duration<double>(now - state->drawn).count() < kRedrawSeconds)
      return;
    state->drawn = now;
    state->shown = true;
    const double elapsed = std::chrono::duration<double>(now - state->start).count();
    const double fraction =
        total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
    const int filled = static_cast<int>(fraction * kBarWidth);
    std::string eta;
    const std::size_t new_done = done - std::min(done, state->first_done);
    if (done < total && new_done > 0) {
      const double per_item = elapsed / static_cast<double>(new_done);
      eta = fmt::format(", about {} left", Duration(per_item * static_cast<double>(total - done)));
    }
    std::fputs(fmt::format("\r\033[K{} [{}{}] {}/{} {} {:3.0f}%  {}{}", label,
                           std::string(static_cast<std::size_t>(filled), '#'),
                           std::string(static_cast<std::size_t>(kBarWidth - filled), '-'), done,
                           total, unit, 100.0 * fraction, Duration(elapsed), eta)
                   .c_str(),
               stream);
    std::fflush(stream);
  };
  out.finish = [=] {
    if (!state->shown) return;
    std::fputs("\r\033[K", stream);
    std::fflush(stream);
  };
  return out;
}

}  // namespace ricardo
