// ricardo compare A.toml B.toml …: solves several scenarios on one baseline and shows them side
// by side (terminal table, Markdown or JSON), optionally writing one report for all of them.
#include <unistd.h>

#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "cli.hpp"
#include "ricardo/compare.hpp"
#include "ricardo/error.hpp"
#include "ricardo/package.hpp"
#include "ricardo/report.hpp"
#include "ricardo/scenario.hpp"

namespace ricardo::cli {
namespace {

struct CompareArguments {
  std::vector<std::string> scenarios;
  std::string baseline;  // empty: the scenarios' own `baseline`
  std::string date;      // empty: each scenario's date
  std::vector<std::string> without_tags;
  std::string out;
  std::string format = "table";
  std::vector<std::string> focus;
  int threads = 0;
  bool quiet = false;
};

std::string UniqueLabel(std::string label, std::set<std::string>& used) {
  if (label.empty()) label = "scenario";
  std::string candidate = label;
  for (int k = 2; used.count(candidate); ++k) candidate = label + "-" + std::to_string(k);
  used.insert(candidate);
  return candidate;
}

int RunCompare(const CompareArguments& args) {
  std::optional<Date> date;
  if (!args.date.empty()) {
    date = Date::Parse(args.date);
    if (!date)
      throw ArgumentError("--date '" + args.date + "' is not a date", "write it as YYYY-MM-DD");
  }
  struct Loaded {
    std::string label;
    Scenario scenario;
    std::filesystem::path file;  // read from, for the stamp's hash
  };
  std::vector<Loaded> loaded;
  std::set<std::string> labels;
  for (const auto& name : args.scenarios) {
    const std::filesystem::path file = ResolveScenarioPath(name);
    Scenario s = LoadScenario(file);
    const std::string base_label = s.name.empty() ? name : s.name;
    loaded.push_back({UniqueLabel(base_label, labels), s, file});
    for (const auto& tag : args.without_tags) {
      Scenario variant = s;
      variant.title += (variant.title.empty() ? "" : " — ") +
                       std::string("without measures tagged '") + tag + "'";
      if (SetTagEnabled(variant, tag, false) == 0) {
        throw ArgumentError(
            "--without-tag: no measure of scenario '" + base_label + "' is tagged '" + tag + "'",
            "see the scenario's `tags` lists");
      }
      loaded.push_back({UniqueLabel(base_label + "-without-" + tag, labels), variant, file});
    }
  }
  if (loaded.size() < 2) {
    throw ArgumentError("compare needs at least two runs, got " + std::to_string(loaded.size()),
                        "give two or more scenarios, or one with --without-tag TAG");
  }
  std::string baseline_name = args.baseline;
  for (const auto& l : loaded) {
    if (baseline_name.empty()) baseline_name = l.scenario.baseline;
  }
  const Baseline baseline = LoadBaseline(baseline_name);
  std::vector<RunRequest> requests;
  for (auto& l : loaded) {
    CompileOptions options;
    options.date = date;
    options.product_trace = false;
    CompiledScenario compiled = CompileScenario(l.scenario, baseline, options);
    StampRun(&compiled.metadata.stamp, l.file, baseline_name);
    requests.push_back({l.label, std::move(compiled.baseline), std::move(compiled.shock),
                        std::move(compiled.metadata)});
  }
  const Comparison comparison = CompareRuns(std::move(requests), SolverOptions{}, args.threads);

  TableOptions table;
  table.focus_regions = args.focus;
  table.format = args.format == "md" ? TableFormat::kMarkdown : TableFormat::kText;
  if (!args.quiet) {
    if (args.format == "json") {
      std::fputs((ComparisonToJson(comparison).dump(2) + "\n").c_str(), stdout);
    } else {
      std::fputs(FormatComparisonTable(comparison, table).c_str(), stdout);
    }
  }
  std::fflush(stdout);  // the table before any notice on stderr, even through a pipe
  if (!args.out.empty()) {
    ReportOptions report;
    report.table = table;
    const ReportFiles files = WriteComparisonReport(comparison, args.out, report);
    if (!files.html_skipped_reason.empty()) {
      std::fprintf(stderr, "ricardo: warning: %s\n", files.html_skipped_reason.c_str());
    }
    if (!args.quiet) {
      std::fprintf(stderr, "ricardo: wrote %zu files to %s%s\n", files.written.size(),
                   args.out.c_str(),
                   files.html.empty() ? "" : (" (report: " + files.html.string() + ")").c_str());
    }
  }
  for (const auto& run : comparison.runs) {
    if (!run.result.solution.summary.IsConverged()) {
      std::fprintf(stderr, "ricardo: %s did not converge: %s\n", run.label.c_str(),
                   run.result.solution.summary.message.c_str());
      return kExitNotConverged;
    }
  }
  return kExitOk;
}

}  // namespace

void RegisterCompare(CLI::App& app, Context& context) {
  auto args = std::make_shared<CompareArguments>();
  CLI::App* cmd = AddCommand(app, context, "compare",
                             "Solve several scenarios on one baseline and show them side by side",
                             [args] { return RunCompare(*args); });
  cmd->add_option("scenarios", args->scenarios,
                  "Scenario files, or names of shipped scenarios (scenarios/*.toml)")
      ->required();
  cmd->add_option("--baseline", args->baseline,
                  "Built-in baseline name or package directory (default: the first scenario's)");
  cmd->add_option("--date", args->date, "Compile every scenario on this date (YYYY-MM-DD)");
  cmd->add_option("--without-tag", args->without_tags,
                  "Also run each scenario with the measures carrying this tag switched off "
                  "(e.g. --without-tag retaliation)");
  cmd->add_option("--out", args->out, "Write CSV, comparison.json and report.html to DIR");
  cmd->add_option("--format", args->format, "Terminal output: table, md or json")
      ->check(CLI::IsMember({"table", "md", "json"}));
  cmd->add_option("--focus", args->focus, "Regions for the bilateral table (default USA,CAN,MEX)")
      ->delimiter(',');
  cmd->add_option("--threads", args->threads, "Scenarios solved at once (0 = all cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--quiet,-q", args->quiet, "Print nothing but errors and warnings");
}

}  // namespace ricardo::cli
