// What scale_curve prints and writes from its measurements: the CSV rows, the fitted growth
// exponents and the Vega-Lite chart of docs/scale-curve.md.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "Eigen/Dense"
#include "fmt/format.h"
#include "nlohmann/json.hpp"

namespace ricardo::bench {

// One size, measured in its own child process.
struct ScaleRow {
  std::size_t regions = 0, sectors = 0;
  std::string status;          // "ok", or what failed ("time limit", "killed by signal 9", ...)
  double build_seconds = 0.0;  // drawing and calibrating the world
  double solve_seconds = 0.0;  // median over the repeats, cold start
  int solve_outer_iterations = 0;
  double draw_seconds = 0.0;        // median over the draws, warm start
  int draw_outer_iterations = 0;    // median over the draws
  double max_check_residual = 0.0;  // largest over the solve and the draws
  double program_mib = 0.0;         // resident before the world was built
  double world_mib = 0.0;           // resident with the world and shock built
  double solve_peak_mib = 0.0;      // peak resident during the first cold solve
  double draw_peak_mib = 0.0;       // peak resident during the first draw (point kept)
  double process_peak_mib = 0.0;    // the child's peak resident set over all phases
};

inline const char* kScaleCsvHeader =
    "regions,sectors,status,build_seconds,solve_seconds,solve_outer_iterations,draw_seconds,"
    "draw_outer_iterations,max_check_residual,program_mib,world_mib,solve_peak_mib,"
    "draw_peak_mib,process_peak_mib";

inline std::string ToCsv(const ScaleRow& r) {
  return fmt::format(
      "{},{},{},{:.4f},{:.6f},{},{:.6f},{},{:.2e},{:.1f},{:.1f},{:.1f},{:.1f},{:.1f}", r.regions,
      r.sectors, r.status, r.build_seconds, r.solve_seconds, r.solve_outer_iterations,
      r.draw_seconds, r.draw_outer_iterations, r.max_check_residual, r.program_mib, r.world_mib,
      r.solve_peak_mib, r.draw_peak_mib, r.process_peak_mib);
}

inline ScaleRow FromCsv(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream ss(line);
  for (std::string cell; std::getline(ss, cell, ',');) cells.push_back(cell);
  if (cells.size() != 14) throw std::runtime_error("expected 14 columns: " + line);
  ScaleRow r;
  r.regions = std::stoul(cells[0]);
  r.sectors = std::stoul(cells[1]);
  r.status = cells[2];
  r.build_seconds = std::stod(cells[3]);
  r.solve_seconds = std::stod(cells[4]);
  r.solve_outer_iterations = std::stoi(cells[5]);
  r.draw_seconds = std::stod(cells[6]);
  r.draw_outer_iterations = std::stoi(cells[7]);
  r.max_check_residual = std::stod(cells[8]);
  r.program_mib = std::stod(cells[9]);
  r.world_mib = std::stod(cells[10]);
  r.solve_peak_mib = std::stod(cells[11]);
  r.draw_peak_mib = std::stod(cells[12]);
  r.process_peak_mib = std::stod(cells[13]);
  return r;
}

// Least squares of log y = a + Σ b_k log x_k; returns the b_k (NaN with fewer points than
// coefficients). Growth exponents: time ∝ N^b at fixed J, and so on.
inline std::vector<double> LogLogSlopes(const std::vector<std::vector<double>>& xs,
                                        const std::vector<double>& ys) {
  const std::size_t k = xs.empty() ? 0 : xs.front().size();
  if (ys.size() < k + 1 || k == 0) return std::vector<double>(k, std::nan(""));
  Eigen::MatrixXd a(static_cast<Eigen::Index>(ys.size()), static_cast<Eigen::Index>(k + 1));
  Eigen::VectorXd b(static_cast<Eigen::Index>(ys.size()));
  for (std::size_t r = 0; r < ys.size(); ++r) {
    const auto row = static_cast<Eigen::Index>(r);
    a(row, 0) = 1.0;
    for (std::size_t c = 0; c < k; ++c)
      a(row, static_cast<Eigen::Index>(c + 1)) = std::log(xs[r][c]);
    b(row) = std::log(ys[r]);
  }
  const Eigen::VectorXd coef = a.colPivHouseholderQr().solve(b);
  return std::vector<double>(coef.data() + 1, coef.data() + coef.size());
}

// Memory the solve itself needs: its peak above the program's own resident set, so that the
// few MiB of code and libraries do not flatten the exponent at small sizes.
inline double SolveMemoryMib(const ScaleRow& r) {
  return r.solve_peak_mib - r.program_mib;
}

// The fitted exponents, as the lines scale_curve prints (and docs/scale-curve.md quotes).
inline std::string ExponentReport(const std::vector<ScaleRow>& rows) {
  struct Measure {
    const char* name;
    double (*value)(const ScaleRow&);
  };
  const Measure measures[] = {
      {"solve time", [](const ScaleRow& r) { return r.solve_seconds; }},
      {"draw time", [](const ScaleRow& r) { return r.draw_seconds; }},
      {"solve outer iterations",
       [](const ScaleRow& r) { return static_cast<double>(r.solve_outer_iterations); }},
      {"solve memory above the program", SolveMemoryMib},
  };
  std::vector<std::size_t> ns, js;
  for (const auto& r : rows) {
    if (r.status != "ok") continue;
    if (std::find(ns.begin(), ns.end(), r.regions) == ns.end()) ns.push_back(r.regions);
    if (std::find(js.begin(), js.end(), r.sectors) == js.end()) js.push_back(r.sectors);
  }
  std::string out;
  for (const auto& m : measures) {
    out += fmt::format("{}:\n", m.name);
    auto fit = [&](auto keep, bool by_regions) {
      std::vector<std::vector<double>> xs;
      std::vector<double> ys;
      for (const auto& r : rows) {
        if (r.status != "ok" || !keep(r) || !(m.value(r) > 0.0)) continue;
        xs.push_back({static_cast<double>(by_regions ? r.regions : r.sectors)});
        ys.push_back(m.value(r));
      }
      return LogLogSlopes(xs, ys)[0];
    };
    // Sizes measured along one axis only have no slope along the other: their lines are left out.
    for (std::size_t j : js) {
      const double all = fit([&](const ScaleRow& r) { return r.sectors == j; }, true);
      const double large =
          fit([&](const ScaleRow& r) { return r.sectors == j && r.regions >= 41; }, true);
      if (!std::isnan(all)) {
        out +=
            fmt::format("  in N at J = {:>3}: {:5.2f} (all N), {:5.2f} (N >= 41)\n", j, all, large);
      }
    }
    for (std::size_t n : ns) {
      const double slope = fit([&](const ScaleRow& r) { return r.regions == n; }, false);
      if (!std::isnan(slope)) out += fmt::format("  in J at N = {:>4}: {:5.2f}\n", n, slope);
    }
    std::vector<std::vector<double>> xs;
    std::vector<double> ys;
    for (const auto& r : rows) {
      if (r.status != "ok" || r.regions < 41 || !(m.value(r) > 0.0)) continue;
      xs.push_back({static_cast<double>(r.regions), static_cast<double>(r.sectors)});
      ys.push_back(m.value(r));
    }
    // A joint fit needs two values of each; the grid along one axis only gives none.
    auto distinct = [&](std::size_t c) {
      return std::any_of(xs.begin(), xs.end(), [&](const auto& x) { return x[c] != xs[0][c]; });
    };
    if (!xs.empty() && distinct(0) && distinct(1)) {
      const auto both = LogLogSlopes(xs, ys);
      out += fmt::format("  joint fit over N >= 41: N^{:.2f} J^{:.2f}\n", both[0], both[1]);
    }
  }
  return out;
}

// The chart: time of a cold solve and of a draw, with the solver's default time limit, and peak
// memory of a solve, against N on log-log axes, one line per J. In the batch format of
// tools/report/render-charts.mjs.
inline nlohmann::json ScaleChart(const std::vector<ScaleRow>& rows, double time_limit_seconds) {
  nlohmann::json time_values = nlohmann::json::array(), memory_values = nlohmann::json::array();
  // Ticks at these sizes when measured: every size would crowd 100, 140 and 200 together.
  const std::size_t preferred_ticks[] = {4, 12, 41, 140, 400, 1000};
  std::vector<std::size_t> ticks;
  for (const auto& r : rows) {
    if (r.status != "ok") continue;
    const bool preferred = std::find(std::begin(preferred_ticks), std::end(preferred_ticks),
                                     r.regions) != std::end(preferred_ticks);
    if (preferred && std::find(ticks.begin(), ticks.end(), r.regions) == ticks.end()) {
      ticks.push_back(r.regions);
    }
    const std::string sectors = fmt::format("J = {}", r.sectors);
    time_values.push_back({{"regions", r.regions},
                           {"sectors", sectors},
                           {"kind", "cold solve"},
                           {"seconds", r.solve_seconds}});
    time_values.push_back({{"regions", r.regions},
                           {"sectors", sectors},
                           {"kind", "draw (warm start)"},
                           {"seconds", r.draw_seconds}});
    memory_values.push_back(
        {{"regions", r.regions}, {"sectors", sectors}, {"mib", r.solve_peak_mib}});
  }
  std::size_t largest = 1;
  for (const auto& r : rows) largest = std::max(largest, r.regions);
  // Room beyond the largest size, so that its tick's label is not cut at the edge.
  const nlohmann::json x = {{"field", "regions"},
                            {"type", "quantitative"},
                            {"scale", {{"type", "log"}, {"domain", {3, 1.3 * double(largest)}}}},
                            {"axis", {{"values", ticks}, {"grid", true}}},
                            {"title", "regions N (log)"}};
  const nlohmann::json color = {{"field", "sectors"}, {"type", "nominal"}, {"title", "sectors"}};
  auto log_y = [](const char* field, const char* title) {
    return nlohmann::json{
        {"field", field}, {"type", "quantitative"}, {"scale", {{"type", "log"}}}, {"title", title}};
  };
  const nlohmann::json lines = {
      {"data", {{"values", time_values}}},
      {"mark", {{"type", "line"}, {"point", true}}},
      {"encoding",
       {{"x", x},
        {"y", log_y("seconds", "seconds (log)")},
        {"color", color},
        {"strokeDash",
         {{"field", "kind"},
          {"type", "nominal"},
          {"legend", nullptr}}}}}};  // said in the title: a dash legend renders without dashes
  const nlohmann::json limit = {
      {"data", {{"values", {{{"seconds", time_limit_seconds}}}}}},
      {"layer",
       {{{"mark", {{"type", "rule"}, {"color", "#888"}, {"strokeDash", {2, 2}}}},
         {"encoding", {{"y", {{"field", "seconds"}, {"type", "quantitative"}}}}}},
        {{"mark",
          {{"type", "text"},
           {"align", "left"},
           {"dx", 4},
           {"dy", -6},
           {"color", "#555"},
           {"x", 0}}},
         {"encoding",
          {{"y", {{"field", "seconds"}, {"type", "quantitative"}}},
           {"text",
            {{"value",
              fmt::format("solver's default time limit, {:g} s", time_limit_seconds)}}}}}}}}};
  const nlohmann::json time_chart = {{"title", "Time of one solve (s): cold solid, draw dashed"},
                                     {"width", 380},
                                     {"height", 280},
                                     {"layer", {lines, limit}}};
  const nlohmann::json memory_chart = {
      {"title", "Peak resident memory during a solve (MiB)"},
      {"width", 380},
      {"height", 280},
      {"data", {{"values", memory_values}}},
      {"mark", {{"type", "line"}, {"point", true}}},
      {"encoding", {{"x", x}, {"y", log_y("mib", "MiB (log)")}, {"color", color}}}};
  const nlohmann::json spec = {
      {"$schema", "https://vega.github.io/schema/vega-lite/v6.json"},
      {"title", "Scale curve: synthetic worlds, region R0 raises its tariffs by 10 points"},
      {"background", "white"},
      {"hconcat", {time_chart, memory_chart}}};
  return {{"charts", {{{"name", "scale-curve"}, {"spec", spec}}}}};
}

}  // namespace ricardo::bench
