// ricardo scenario explain|check|list: scenario files and how they compile.
#include <cstdio>
#include <memory>

#include "cli.hpp"
#include "fmt/format.h"
#include "ricardo/package.hpp"
#include "ricardo/scenario.hpp"
#include "ricardo/tracker.hpp"

namespace ricardo::cli {
namespace {

std::optional<Date> ParseDateOption(const std::string& text) {
  if (text.empty()) return std::nullopt;
  const auto date = Date::Parse(text);
  if (!date)
    throw ArgumentError(fmt::format("--date '{}' is not a date", text),
                        "write YYYY-MM-DD, e.g. 2025-11-01");
  return date;
}

struct ExplainArgs {
  std::string scenario;
  std::string baseline;
  std::string date;
  std::string origin;
  std::string sector;
  std::string usmca_method;
  double usmca_share = -1.0;
  int products = 25;
  long long max_trace_lines = ExplainOptions{}.max_trace_lines;
  bool json = false;
};

int Explain(const ExplainArgs& a) {
  const Scenario scenario = LoadScenario(ResolveScenarioPath(a.scenario));
  const Baseline baseline = LoadBaseline(a.baseline.empty() ? scenario.baseline : a.baseline);
  CompileOptions options;
  options.date = ParseDateOption(a.date);
  if (!a.usmca_method.empty()) {
    for (UsmcaShareMethod m : {UsmcaShareMethod::kRolling3Month, UsmcaShareMethod::kMonth,
                               UsmcaShareMethod::kSecondHalf2025}) {
      if (a.usmca_method == ToString(m)) options.usmca_method = m;
    }
  }
  if (a.usmca_share >= 0.0) options.usmca_share_override = a.usmca_share;
  ExplainOptions explain;
  if (!a.origin.empty()) {
    if (!baseline.FindRegion(a.origin)) {
      throw ArgumentError(fmt::format("--origin '{}' is not a region of baseline '{}'", a.origin,
                                      baseline.manifest.name));
    }
    explain.origin = a.origin;
  }
  if (!a.sector.empty()) {
    if (!baseline.FindSector(a.sector)) {
      throw ArgumentError(fmt::format("--sector '{}' is not a sector of baseline '{}'", a.sector,
                                      baseline.manifest.name));
    }
    explain.sector = a.sector;
  }
  explain.max_products = a.products;
  // Only the products the explanation shows are traced (see CompileOptions).
  options.product_trace_origin = explain.origin;
  options.product_trace_sector = explain.sector;
  explain.max_trace_lines = a.max_trace_lines;
  const CompiledScenario compiled = CompileScenario(scenario, baseline, options);
  for (const std::string& warning : compiled.trace.warnings)
    std::fprintf(stderr, "ricardo: warning: %s\n", warning.c_str());
  // Beside a published tracker's rates when the whole scenario is explained (not one partner).
  TrackerComparison tracker;
  if (!explain.origin && !explain.sector) {
    if (const auto rates = ShippedTrackerRates()) {
      tracker = CompareWithTracker(compiled, *rates, options.products);
      explain.tracker = &tracker;
    }
  }
  if (a.json) {
    std::printf("%s\n", ExplainJson(compiled, explain).dump(2).c_str());
  } else {
    std::fputs(ExplainText(compiled, explain).c_str(), stdout);
  }
  return kExitOk;
}

void RegisterExplain(CLI::App& parent, Context& context) {
  auto a = std::make_shared<ExplainArgs>();
  CLI::App* cmd =
      AddCommand(parent, context, "explain",
                 "Compile a scenario on a date and show every number: measures per product, "
                 "stacked rates, trade-weighted rates per sector",
                 [a] { return Explain(*a); });
  cmd->add_option("scenario", a->scenario, "Scenario file, or the name of a shipped scenario")
      ->required();
  cmd->add_option("--baseline", a->baseline,
                  "Baseline name or package directory (default: the scenario's)");
  cmd->add_option("--date", a->date, "Compile date YYYY-MM-DD (default: the scenario's date)");
  cmd->add_option("--origin", a->origin, "Only imports from this region (ISO3)");
  cmd->add_option("--sector", a->sector, "Only this sector");
  cmd->add_option("--products", a->products, "Product lines shown per pair (-1 = all)");
  cmd->add_option(
         "--max-trace-lines", a->max_trace_lines,
         "Product trace lines in the whole answer: a product and each measure under it (-1 = all)")
      ->capture_default_str();
  cmd->add_option("--usmca-method", a->usmca_method,
                  "USMCA shares: rolling-3-month, month or h2-2025")
      ->check(CLI::IsMember({"rolling-3-month", "month", "h2-2025"}));
  cmd->add_option("--usmca-share", a->usmca_share,
                  "Set every product's USMCA-qualifying share (0–1)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--json", a->json, "Print JSON (rates as fractions)");
}

struct CheckArgs {
  std::string scenario;
  std::string baseline;
};

void RegisterCheckScenario(CLI::App& parent, Context& context) {
  auto a = std::make_shared<CheckArgs>();
  CLI::App* cmd =
      AddCommand(parent, context, "check",
                 "Validate a scenario against its baseline (syntax, codes, stacking rules)", [a] {
                   const Scenario s = LoadScenario(ResolveScenarioPath(a->scenario));
                   const Baseline b = LoadBaseline(a->baseline.empty() ? s.baseline : a->baseline);
                   CheckScenario(s, b);
                   std::printf(
                       "%s: ok (%zu measures, %zu stacking rules, %zu trade-cost shocks, "
                       "%zu elasticity overrides; baseline %s)\n",
                       a->scenario.c_str(), s.measures.size(), s.stacking.size(),
                       s.trade_costs.size(), s.elasticities.size(), b.manifest.name.c_str());
                   return kExitOk;
                 });
  cmd->add_option("scenario", a->scenario, "Scenario file, or the name of a shipped scenario")
      ->required();
  cmd->add_option("--baseline", a->baseline,
                  "Baseline name or package directory (default: the scenario's)");
}

void RegisterListScenarios(CLI::App& parent, Context& context) {
  AddCommand(parent, context, "list", "List the shipped scenarios", [] {
    for (const std::string& name : ShippedScenarioNames()) {
      const Scenario s = LoadScenario(ResolveScenarioPath(name));
      std::printf("%-40s %s\n", name.c_str(), s.title.c_str());
    }
    return kExitOk;
  });
}

}  // namespace

void RegisterScenario(CLI::App& app, Context& context) {
  CLI::App* scenario =
      app.add_subcommand("scenario", "Scenario files: explain how they compile, check, list");
  scenario->require_subcommand(1);
  RegisterExplain(*scenario, context);
  RegisterCheckScenario(*scenario, context);
  RegisterListScenarios(*scenario, context);
}

}  // namespace ricardo::cli
