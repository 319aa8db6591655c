// scale_curve: time and peak memory of one counterfactual solve and of one draw on synthetic
// worlds of every size of the grid (docs/scale-curve.md), each size in a child process of its
// own, so that its peak resident set is its own and a size that runs out of memory or crashes
// only loses its row.
//
//   build/bench/scale_curve [--regions 4,12,41,100,140] [--sectors 10,35,65] [--repeats 3]
//                           [--runs 1] [--max-seconds 120] [--csv FILE] [--chart FILE]
//   build/bench/scale_curve --from-csv FILE [--from-csv FILE…] [--chart FILE]   (fits, chart)
//
// Per size the child draws and calibrates the world (bench/scale_instances.hpp), solves the
// standard shock cold `repeats` times and solves `repeats` draws warm-started from the point,
// and reports median times and iterations (every solve, the calibration's too, with the solver's
// default options but a wall-clock limit of --max-seconds); with --runs R the whole grid is
// measured R times, run after run, and each figure is the median over the runs (progress of each
// run on stderr).
//
// Peak memory: Linux's VmHWM of the child, reset (/proc/self/clear_refs) before the first solve
// and again before the first draw, so each phase's peak is its own (it includes what is resident
// already: the program, the world, the shock; the draw's also the point solution); and the
// child's whole peak, the largest of the phases' (the reset resets getrusage's figure too, which
// is used only for a child that died). Then the growth exponents are fitted by least squares on
// log-log axes and printed; --chart writes the Vega-Lite chart in the batch format of
// tools/report/render-charts.mjs.
#include <malloc.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include "scale_curve_report.hpp"
#include "scale_instances.hpp"

namespace {

using ricardo::bench::ScaleRow;

class Stopwatch {
 public:
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// A field of /proc/self/status in KiB ("VmRSS", "VmHWM"), as MiB.
double StatusMib(const std::string& field) {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(field + ":", 0) == 0) return std::stod(line.substr(field.size() + 1)) / 1024.0;
  }
  return 0.0;
}

// Returns freed memory to the system and starts a new peak at the current resident set.
void ResetPeak() {
  malloc_trim(0);
  std::ofstream("/proc/self/clear_refs") << "5";
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t m = values.size() / 2;
  return values.size() % 2 ? values[m] : 0.5 * (values[m - 1] + values[m]);
}

std::string Status(const ricardo::Solution& s) {
  if (ricardo::bench::Acceptable(s)) return "ok";
  return std::string(ricardo::ToString(s.summary.termination));
}

// The child's work for one size; the row goes to `out` as one CSV line.
ScaleRow MeasureSize(std::size_t regions, std::size_t sectors, int repeats,
                     const ricardo::SolverOptions& solver) {
  ScaleRow row;
  row.regions = regions;
  row.sectors = sectors;
  row.program_mib = StatusMib("VmRSS");
  const Stopwatch build_clock;
  const auto instance = ricardo::bench::MakeScaleInstance(regions, sectors, solver);
  row.build_seconds = build_clock.Seconds();
  // Resetting the peak also resets what getrusage reports for the child, so the whole
  // process's peak is the largest of the phases', each read before its reset.
  const double build_peak_mib = StatusMib("VmHWM");
  ResetPeak();
  row.world_mib = StatusMib("VmRSS");

  std::vector<double> times, iterations;
  ricardo::Solution point;
  for (int r = 0; r < repeats; ++r) {
    const Stopwatch clock;
    ricardo::Solution s = ricardo::Solve(instance.world, instance.shock, solver);
    times.push_back(clock.Seconds());
    if (r == 0) {
      row.solve_peak_mib = StatusMib("VmHWM");
      row.solve_outer_iterations = s.summary.outer_iterations;
      row.status = Status(s);
      row.max_check_residual = s.summary.check.Max();
      point = std::move(s);
      if (row.status != "ok") {
        row.process_peak_mib = std::max(build_peak_mib, row.solve_peak_mib);
        return row;
      }
    }
  }
  row.solve_seconds = Median(times);

  times.clear();
  const ricardo::SolverOptions options = ricardo::bench::DrawOptions(point, solver);
  ResetPeak();
  for (int r = 0; r < repeats; ++r) {
    const ricardo::Baseline world = ricardo::bench::DrawWorld(instance.world, r + 1);
    const Stopwatch clock;
    const ricardo::Solution s = ricardo::Solve(world, instance.shock, options);
    times.push_back(clock.Seconds());
    iterations.push_back(s.summary.outer_iterations);
    if (r == 0) row.draw_peak_mib = StatusMib("VmHWM");
    row.max_check_residual = std::max(row.max_check_residual, s.summary.check.Max());
    if (Status(s) != "ok") {
      row.status = "draw: " + Status(s);
      row.process_peak_mib = std::max({build_peak_mib, row.solve_peak_mib, row.draw_peak_mib});
      return row;
    }
  }
  row.draw_seconds = Median(times);
  row.draw_outer_iterations = static_cast<int>(Median(iterations));
  row.process_peak_mib = std::max({build_peak_mib, row.solve_peak_mib, StatusMib("VmHWM")});
  return row;
}

// A CSV-safe word for what stopped a size: the calibration's solve (its ArgumentError carries the
// solver's message) or an allocation.
std::string FailureStatus(const std::exception& e) {
  const std::string what = e.what();
  if (dynamic_cast<const std::bad_alloc*>(&e)) return "out of memory";
  if (what.find("time limit") != std::string::npos) return "calibration: time limit";
  if (what.find("outer iterations") != std::string::npos) return "calibration: iteration limit";
  return "failed (see stderr)";
}

// Runs MeasureSize in a child; a child that dies leaves a row saying how.
ScaleRow MeasureInChild(std::size_t regions, std::size_t sectors, int repeats,
                        const ricardo::SolverOptions& solver) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    close(fds[0]);
    ScaleRow row;
    try {
      row = MeasureSize(regions, sectors, repeats, solver);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%zu x %zu: %s\n", regions, sectors, e.what());
      row.regions = regions;
      row.sectors = sectors;
      row.status = FailureStatus(e);
      row.process_peak_mib = StatusMib("VmHWM");
    }
    const std::string line = ricardo::bench::ToCsv(row) + "\n";
    const bool written = write(fds[1], line.data(), line.size()) == ssize_t(line.size());
    _exit(written ? 0 : 4);
  }
  close(fds[1]);
  std::string text;
  char buffer[4096];
  for (ssize_t got; (got = read(fds[0], buffer, sizeof buffer)) > 0;) text.append(buffer, got);
  close(fds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  ScaleRow row;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && !text.empty()) {
    row = ricardo::bench::FromCsv(text.substr(0, text.find('\n')));
  } else {
    row.regions = regions;
    row.sectors = sectors;
    row.status = WIFSIGNALED(status) ? fmt::format("killed by signal {}", WTERMSIG(status))
                                     : fmt::format("exit code {}", WEXITSTATUS(status));
    // What the kernel saw since the child's last reset of its peak (KiB on Linux).
    row.process_peak_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
  }
  return row;
}

// One row from several runs of a size: the median of every time and memory figure, the largest
// check residual, and the first failure if any run failed.
ScaleRow MedianRow(const std::vector<ScaleRow>& runs) {
  ScaleRow row = runs.front();
  auto median = [&](double ScaleRow::*field) {
    std::vector<double> values;
    for (const auto& r : runs) values.push_back(r.*field);
    row.*field = Median(values);
  };
  for (auto field : {&ScaleRow::build_seconds, &ScaleRow::solve_seconds, &ScaleRow::draw_seconds,
                     &ScaleRow::program_mib, &ScaleRow::world_mib, &ScaleRow::solve_peak_mib,
                     &ScaleRow::draw_peak_mib, &ScaleRow::process_peak_mib}) {
    median(field);
  }
  for (const auto& r : runs) {
    row.max_check_residual = std::max(row.max_check_residual, r.max_check_residual);
    if (r.status != "ok" && row.status == "ok") row.status = r.status;
  }
  return row;  // iterations do not vary between runs: the solves are deterministic
}

std::vector<std::size_t> ParseList(const std::string& text) {
  std::vector<std::size_t> values;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    values.push_back(std::stoul(text.substr(start, comma - start)));
    start = comma + 1;
  }
  return values;
}

int Usage() {
  std::cerr << "usage: scale_curve [--regions 4,12,41,100,140] [--sectors 10,35,65] "
               "[--repeats 3] [--runs 1] [--max-seconds 120] [--csv FILE] [--chart FILE]\n"
               "       scale_curve --from-csv FILE [--from-csv FILE ...] [--chart FILE]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> regions = ricardo::bench::kScaleRegions;
  std::vector<std::size_t> sectors = ricardo::bench::kScaleSectors;
  int repeats = 3, runs = 1;
  ricardo::SolverOptions solver = ricardo::bench::ScaleSolverOptions();
  std::string csv_file, chart_file;
  std::vector<std::string> from_csv;
  for (int a = 1; a < argc; ++a) {
    const std::string arg = argv[a];
    if (a + 1 >= argc) return Usage();
    const std::string value = argv[++a];
    if (arg == "--regions") {
      regions = ParseList(value);
    } else if (arg == "--sectors") {
      sectors = ParseList(value);
    } else if (arg == "--repeats") {
      repeats = std::max(1, std::stoi(value));
    } else if (arg == "--runs") {
      runs = std::max(1, std::stoi(value));
    } else if (arg == "--max-seconds") {
      solver.max_time_in_seconds = std::stod(value);
    } else if (arg == "--csv") {
      csv_file = value;
    } else if (arg == "--chart") {
      chart_file = value;
    } else if (arg == "--from-csv") {
      from_csv.push_back(value);
    } else {
      return Usage();
    }
  }

  std::vector<ScaleRow> rows;
  if (!from_csv.empty()) {
    for (const std::string& file : from_csv) {
      std::ifstream in(file);
      if (!in) {
        std::cerr << file << ": cannot be read\n";
        return 1;
      }
      std::string line;
      std::getline(in, line);  // header
      while (std::getline(in, line)) {
        if (!line.empty()) rows.push_back(ricardo::bench::FromCsv(line));
      }
    }
  } else {
    // Run after run over the whole grid, rather than one size `runs` times in a row, so that a
    // burst of load from elsewhere spreads over sizes instead of spoiling one.
    std::vector<std::vector<ScaleRow>> measured(runs);
    for (int r = 0; r < runs; ++r) {
      for (std::size_t j : sectors) {
        for (std::size_t n : regions) {
          measured[r].push_back(MeasureInChild(n, j, repeats, solver));
          std::cerr << "run " << r + 1 << ": " << ricardo::bench::ToCsv(measured[r].back())
                    << std::endl;
        }
      }
    }
    std::ofstream csv;
    if (!csv_file.empty()) csv.open(csv_file);
    std::cout << ricardo::bench::kScaleCsvHeader << "\n";
    if (csv) csv << ricardo::bench::kScaleCsvHeader << "\n";
    for (std::size_t k = 0; k < measured[0].size(); ++k) {
      std::vector<ScaleRow> of_size;
      for (const auto& run : measured) of_size.push_back(run[k]);
      rows.push_back(MedianRow(of_size));
      std::cout << ricardo::bench::ToCsv(rows.back()) << "\n";
      if (csv) csv << ricardo::bench::ToCsv(rows.back()) << "\n";
    }
  }
  std::cout << "\nGrowth exponents (least squares on log-log axes):\n"
            << ricardo::bench::ExponentReport(rows);
  if (!chart_file.empty()) {
    std::ofstream(chart_file)
        << ricardo::bench::ScaleChart(rows, solver.max_time_in_seconds).dump(1) << "\n";
  }
  return 0;
}
