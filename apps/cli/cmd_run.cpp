// ricardo run [SCENARIO] [--baseline NAME|DIR] [--format table|md|json] [--date D] [--out DIR]
// [--quiet] [--theta-scale 0.5,1,2 | --elasticities FILE]: compile a scenario, solve the
// counterfactual, print the outcomes (report layer: include/ricardo/report.hpp) and optionally
// write the CSV/JSON/HTML report; with elasticity variants, solve each and report the ranges.
#include <charconv>
#include <chrono>
#include <cstdio>
#include <limits>
#include <memory>

#include "cli.hpp"
#include "fmt/format.h"
#include "ricardo/distribute.hpp"
#include "ricardo/error.hpp"
#include "ricardo/package.hpp"
#include "ricardo/report.hpp"
#include "ricardo/run.hpp"
#include "ricardo/scenario.hpp"
#include "ricardo/sensitivity.hpp"
#include "ricardo/uncertainty.hpp"

namespace ricardo::cli {
namespace {

struct RunArgs {
  std::string scenario = "us-tariffs-2025-11";
  std::string baseline;
  std::string format = "table";
  std::string date;
  std::string out;                   // --out DIR: CSV, JSON, HTML report
  bool quiet = false;                // nothing on stdout
  bool no_elasticity_flags = false;  // skip the high-θ flags and their second solve
  bool no_html = false;              // --out without report.html and charts
  std::string theta_scale;           // --theta-scale 0.5,1,2
  std::string elasticities;          // --elasticities FILE
  int draws = 0;                     // --draws N: percentile bands from N draws
  std::string seed = "1";            // --seed S (parsed strictly: CLI11 wraps "-1" round)
  std::string draw = "theta,usmca";  // --draw: what is drawn
  int threads = 0;                   // --threads: draws solved at once (0 = every core)
};

TableOptions TableFor(const RunArgs& a) {
  TableOptions table;
  table.format = a.format == "md" ? TableFormat::kMarkdown : TableFormat::kText;
  return table;
}

// Prints where the report went, or why its HTML part was skipped (CSV and JSON are complete).
void ReportWritten(const RunArgs& a, const ReportFiles& files) {
  std::fflush(stdout);
  if (!files.html_skipped_reason.empty())
    std::fprintf(stderr, "ricardo: warning: %s\n", files.html_skipped_reason.c_str());
  if (!a.quiet)
    std::fprintf(
        stderr, "ricardo: wrote %zu files to %s%s\n", files.written.size(), a.out.c_str(),
        files.html.empty() ? "" : fmt::format(" (report: {})", files.html.string()).c_str());
}

ReportOptions ReportFor(const RunArgs& a) {
  ReportOptions report;
  report.table = TableFor(a);
  report.write_html = !a.no_html;
  return report;
}

// More variants than fit side by side: every row is printed and written as its variant is
// solved, and only the ranges are held (docs/cli.md, "Limits").
int RunSweepCommand(const RunArgs& a, const CompiledScenario& compiled,
                    const std::vector<ElasticityVariant>& variants) {
  if (!a.out.empty() && !a.no_html) {
    throw LimitError(
        Location{"--out", 0, 0, {}},
        fmt::format("{} elasticity variants, more than the {} an HTML sensitivity "
                    "report shows",
                    variants.size(), kSensitivityReportVariantsMax),
        fmt::format("add --no-html to write only sensitivity.csv and sensitivity.json, "
                    "which stream, or give at most {} variants",
                    kSensitivityReportVariantsMax));
  }
  SweepOutput output;
  output.stream = a.quiet ? nullptr : stdout;
  output.stream_json = a.format == "json";
  output.table_format = TableFor(a).format;
  output.directory = a.out;
  SensitivitySweepWriter writer(compiled.baseline, variants.size(), output);
  StreamSensitivity(
      compiled.baseline, compiled.shock, compiled.metadata, variants,
      [&](std::size_t k, const ElasticityVariant& v, const RunResult& r) { writer.Add(k, v, r); });
  writer.Finish();
  if (!a.out.empty() && !a.quiet)
    std::fprintf(stderr, "ricardo: wrote %zu files to %s\n", writer.files().size(), a.out.c_str());
  if (!writer.non_converged().empty()) {
    std::fprintf(stderr, "ricardo: %zu of %zu variants did not converge, the first: %s\n",
                 writer.non_converged().size(), variants.size(),
                 writer.non_converged().front().c_str());
    return kExitNotConverged;
  }
  return kExitOk;
}

// --theta-scale / --elasticities: the same shock under each set of trade elasticities.
int RunSensitivityCommand(const RunArgs& a, const CompiledScenario& compiled) {
  const Baseline& baseline = compiled.baseline;
  if (!a.theta_scale.empty() && !a.elasticities.empty())
    throw ArgumentError("give either --theta-scale or --elasticities, not both");
  const auto variants = a.elasticities.empty()
                            ? ScaledElasticities(baseline, ParseThetaScales(a.theta_scale))
                            : ReadElasticityVariants(a.elasticities, baseline);
  if (variants.size() > kSensitivityReportVariantsMax)
    return RunSweepCommand(a, compiled, variants);
  const SensitivityResult s = RunSensitivity(baseline, compiled.shock, compiled.metadata, variants);
  if (!a.quiet) {
    if (a.format == "json") {
      std::printf("%s\n", SensitivityToJson(s).dump(2).c_str());
    } else {
      std::fputs(FormatSensitivityTable(s, TableFor(a)).c_str(), stdout);
    }
  }
  if (!a.out.empty()) ReportWritten(a, WriteSensitivityReport(s, a.out, ReportFor(a)));
  for (const auto& run : s.runs.runs) {
    if (!run.result.solution.summary.IsConverged()) {
      std::fprintf(stderr, "ricardo: %s did not converge: %s\n", run.label.c_str(),
                   run.result.solution.summary.message.c_str());
      return kExitNotConverged;
    }
  }
  return kExitOk;
}

// A seed is a whole number that fits 64 bits; "-1" or a number too long is an error rather than
// another seed.
std::uint64_t ParseSeed(const std::string& text) {
  std::uint64_t seed = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    throw ArgumentError(fmt::format("--seed '{}' is not a whole number from 0 to {}", text,
                                    std::numeric_limits<std::uint64_t>::max()),
                        "give e.g. --seed 1");
  }
  return seed;
}

// --draw theta,usmca (either or both) and the rest of the draw options.
DrawSettings ParseDrawSettings(const RunArgs& a) {
  DrawSettings s;
  s.draws = a.draws;
  s.seed = ParseSeed(a.seed);
  s.threads = a.threads;
  s.theta = s.usmca = false;
  std::size_t start = 0;
  while (start <= a.draw.size()) {
    const std::size_t end = std::min(a.draw.find(',', start), a.draw.size());
    const std::string item = a.draw.substr(start, end - start);
    if (item == "theta") {
      s.theta = true;
    } else if (item == "usmca") {
      s.usmca = true;
    } else {
      throw ArgumentError(fmt::format("--draw '{}': unknown item '{}'", a.draw, item),
                          "write theta, usmca or theta,usmca");
    }
    start = end + 1;
  }
  return s;
}

int Run(const RunArgs& a) {
  // Under mpirun / srun, `run --draws` is one job over every rank (docs/scale.md): each rank
  // compiles and solves the point (the same bits everywhere), the draws are shared out, and
  // only rank 0 prints and writes. Without --draws MPI is never touched.
  const ProcessGroup* group = a.draws > 0 ? &ProcessGroup::Join() : nullptr;
  const bool speaks = group == nullptr || group->is_coordinator();
  const std::filesystem::path scenario_file = ResolveScenarioPath(a.scenario);
  const Scenario scenario = LoadScenario(scenario_file);
  const std::string baseline_name = a.baseline.empty() ? scenario.baseline : a.baseline;
  const Baseline baseline = LoadBaseline(baseline_name);
  CompileOptions options;
  options.product_trace = false;
  if (!a.date.empty()) {
    options.date = Date::Parse(a.date);
    if (!options.date)
      throw ArgumentError(fmt::format("--date '{}' is not a date", a.date), "write YYYY-MM-DD");
  }
  CompiledScenario compiled = CompileScenario(scenario, baseline, options);
  StampRun(&compiled.metadata.stamp, scenario_file, baseline_name);
  // Nothing applies (no measure in force, a zero shock): said, and the run goes on (exit 0).
  for (const std::string& warning : compiled.trace.warnings)
    if (speaks) std::fprintf(stderr, "ricardo: warning: %s\n", warning.c_str());
  if (!a.theta_scale.empty() || !a.elasticities.empty()) {
    if (a.draws > 0)
      throw ArgumentError("--draws cannot be combined with --theta-scale or --elasticities",
                          "run the sensitivity and the draws separately");
    return RunSensitivityCommand(a, compiled);
  }
  // Progress on stderr only when it is a terminal and the solve takes over a second.
  const TerminalProgress progress = MakeTerminalProgress(speaks ? stderr : nullptr, "solving");
  RunOptions run;
  run.solver.progress = progress.callback;
  run.elasticity_flags.enabled = !a.no_elasticity_flags;
  RunResult result = RunCompiled(compiled, run);
  progress.finish();
  if (a.draws > 0) {
    if (!result.solution.summary.IsConverged()) {
      if (speaks)
        std::fprintf(stderr, "ricardo: warning: no draws: the point solution did not converge\n");
    } else {
      const DrawSettings settings = ParseDrawSettings(a);
      const UncertaintyInputs inputs = PrepareUncertainty(scenario, compiled, options, settings);
      const auto start = std::chrono::steady_clock::now();
      std::optional<DrawResult> drawn = RunDrawsDistributed(
          *group, compiled.baseline, compiled.shock, result.solution, inputs, settings);
      if (drawn) result.uncertainty = std::make_shared<const DrawResult>(std::move(*drawn));
      if (drawn && !a.quiet) {
        const int threads = DistributedThreadCount(*group, settings.threads);
        std::fprintf(
            stderr, "ricardo: %d draws on %d rank%s × %d thread%s in %.1f s\n", a.draws,
            group->size(), group->size() == 1 ? "" : "s", threads, threads == 1 ? "" : "s",
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      }
      if (result.uncertainty && result.uncertainty->non_converged > 0)
        std::fprintf(stderr, "ricardo: warning: %zu of %d draws did not converge (left out)\n",
                     result.uncertainty->non_converged, a.draws);
    }
  }
  if (!speaks) return kExitOk;  // rank 0 reports
  if (!a.quiet) {
    if (a.format == "json") {
      std::printf("%s\n", RunResultToJson(result).dump(2).c_str());
    } else {
      std::fputs(FormatRunTable(result, TableFor(a)).c_str(), stdout);
    }
  }
  if (!a.out.empty()) ReportWritten(a, WriteRunReport(result, a.out, ReportFor(a)));
  if (!result.solution.summary.IsConverged()) {
    std::fprintf(stderr, "ricardo: the counterfactual did not converge: %s\n",
                 result.solution.summary.message.c_str());
    return kExitNotConverged;
  }
  return kExitOk;
}

}  // namespace

void RegisterRun(CLI::App& app, Context& context) {
  auto a = std::make_shared<RunArgs>();
  CLI::App* cmd =
      AddCommand(app, context, "run",
                 "Compile a scenario, solve the counterfactual and print outcomes per country",
                 [a] { return Run(*a); });
  cmd->add_option("scenario", a->scenario,
                  "Scenario file or shipped scenario name (default: us-tariffs-2025-11)");
  cmd->add_option("--baseline", a->baseline,
                  "Baseline name or package directory (default: the scenario's)");
  cmd->add_option("--format", a->format, "table (default), md (Markdown) or json")
      ->check(CLI::IsMember({"table", "md", "json"}));
  cmd->add_option("--date", a->date, "Compile date YYYY-MM-DD (default: the scenario's date)");
  cmd->add_option("--out", a->out, "Also write CSV, run.json, report.html and charts/*.svg to DIR");
  cmd->add_flag("--no-html", a->no_html,
                "With --out, write the CSV and JSON files only (no report.html and charts)");
  cmd->add_flag("--quiet,-q", a->quiet,
                "Print nothing on stdout (errors and warnings still go to stderr)");
  cmd->add_flag("--no-elasticity-flags", a->no_elasticity_flags,
                "Do not flag sectors with a trade elasticity above 20 (skips their second solve)");
  cmd->add_option(
      "--theta-scale", a->theta_scale,
      "Sensitivity: rerun with every trade elasticity scaled by each factor, e.g. 0.5,1,2");
  cmd->add_option("--elasticities", a->elasticities,
                  "Sensitivity: sets of elasticities from a CSV file variant,sector,theta");
  cmd->add_option("--draws", a->draws,
                  "Uncertainty: solve N draws of the trade elasticities and USMCA utilisation "
                  "and report 5th/50th/95th percentile bands")
      ->check(CLI::Range(1, kMaxDraws));
  cmd->add_option("--seed", a->seed, "Seed of the draws (default 1): same seed, same draws");
  cmd->add_option("--draw", a->draw, "What the draws vary: theta, usmca or theta,usmca (default)");
  cmd->add_option("--threads", a->threads, "Draws solved at once (default: every core)")
      ->check(CLI::Range(0, 1024));
}

}  // namespace ricardo::cli
