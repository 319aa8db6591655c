// ricardo run [SCENARIO] [--baseline NAME|DIR] [--format table|json] [--date D]: compile a
// scenario, solve the counterfactual, print the outcomes per country and the solver summary.
#include <cstdio>
#include <memory>

#include "cli.hpp"
#include "fmt/format.h"
#include "ricardo/package.hpp"
#include "ricardo/run.hpp"
#include "ricardo/scenario.hpp"

namespace ricardo::cli {
namespace {

struct RunArgs {
  std::string scenario = "us-tariffs-2025-11";
  std::string baseline;
  std::string format = "table";
  std::string date;
};

double Percent(double base, double now) { return base != 0.0 ? 100.0 * (now / base - 1.0) : 0.0; }

// A deliberately small table; the full report lives in the report layer.
std::string FormatTable(const RunResult& r) {
  const double unit = r.baseline.manifest.money_unit;
  std::string out = fmt::format("Scenario {} — {}\nCompiled for {} on baseline {}\n\n", r.metadata.scenario_name,
                                r.metadata.scenario_title, r.metadata.scenario_date, r.baseline.manifest.name);
  out += fmt::format("{:<8} {:>11} {:>13} {:>11} {:>11} {:>28}\n", "country", "welfare %", "real wage %",
                     "exports %", "imports %", "tariff revenue US$B (base→new)");
  for (const CountryOutcome& c : r.outcomes.countries) {
    out += fmt::format("{:<8} {:>11.3f} {:>13.3f} {:>11.3f} {:>11.3f} {:>15.2f} → {:<10.2f}\n", c.code,
                       100.0 * c.welfare_exact, 100.0 * c.real_wage_change, Percent(c.exports_base, c.exports_new),
                       Percent(c.imports_base, c.imports_new), c.tariff_revenue_base * unit / 1e9,
                       c.tariff_revenue_new * unit / 1e9);
  }
  out += "\nwelfare: exact change in real income; exports and imports net of tariffs, excluding domestic sales\n";
  out += fmt::format("solver: {}\n", r.solution.summary.BriefReport());
  return out;
}

int Run(const RunArgs& a) {
  const Scenario scenario = LoadScenario(ResolveScenarioPath(a.scenario));
  const Baseline baseline = LoadBaseline(a.baseline.empty() ? scenario.baseline : a.baseline);
  CompileOptions options;
  options.product_trace = false;
  if (!a.date.empty()) {
    options.date = Date::Parse(a.date);
    if (!options.date) throw ArgumentError(fmt::format("--date '{}' is not a date", a.date), "write YYYY-MM-DD");
  }
  const CompiledScenario compiled = CompileScenario(scenario, baseline, options);
  const RunResult result =
      RunCounterfactual(ApplyScenarioSectors(baseline, compiled), compiled.shock, SolverOptions{}, compiled.metadata);
  if (a.format == "json") {
    std::printf("%s\n", RunResultToJson(result).dump(2).c_str());
  } else {
    std::fputs(FormatTable(result).c_str(), stdout);
  }
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
  CLI::App* cmd = AddCommand(app, context, "run",
                             "Compile a scenario, solve the counterfactual and print outcomes per country",
                             [a] { return Run(*a); });
  cmd->add_option("scenario", a->scenario,
                  "Scenario file or shipped scenario name (default: us-tariffs-2025-11)");
  cmd->add_option("--baseline", a->baseline, "Baseline name or package directory (default: the scenario's)");
  cmd->add_option("--format", a->format, "table (default) or json")->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("--date", a->date, "Compile date YYYY-MM-DD (default: the scenario's date)");
}

}  // namespace ricardo::cli
