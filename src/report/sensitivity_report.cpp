// The sensitivity table, JSON and report.
#include <cmath>

#include "fmt/format.h"
#include "report/charts.hpp"
#include "report/html_page.hpp"
#include "report/indicators.hpp"
#include "report/run_csv.hpp"
#include "report/staged_report.hpp"
#include "ricardo/error.hpp"
#include "ricardo/sensitivity.hpp"

namespace ricardo {
namespace {

std::vector<detail::TextTable> SensitivityTables(const SensitivityResult& s,
                                                 const TableOptions& options) {
  std::vector<std::string> labels;
  for (const auto& v : s.variants) labels.push_back(v.label);
  std::vector<detail::TextTable> tables;
  for (const auto& ind : detail::CountryIndicators(detail::MoneyDisplay{}, /*levels=*/false))
    tables.push_back(detail::IndicatorBlock(ind, s.runs.runs, labels, detail::BlockExtra::kRange));
  const auto focus =
      detail::FocusRegions(s.runs.runs.front().result.baseline, options.focus_regions);
  if (focus.size() >= 2)
    tables.push_back(
        detail::BilateralBlock(s.runs.runs, labels, focus, detail::BlockExtra::kRange));
  return tables;
}

std::string Heading(const SensitivityResult& s) {
  const RunResult& first = s.runs.runs.front().result;
  std::string name =
      first.metadata.scenario_name.empty() ? "(unnamed scenario)" : first.metadata.scenario_name;
  return fmt::format("Sensitivity of {} to the trade elasticities: {} variants solved in {:.2f} s",
                     name, s.variants.size(), s.runs.seconds_total);
}

}  // namespace

std::string FormatSensitivityTable(const SensitivityResult& s, const TableOptions& options) {
  if (s.runs.runs.empty()) throw ArgumentError("no sensitivity run to show");
  const bool md = options.format == TableFormat::kMarkdown;
  std::string out = (md ? "### " : "") + Heading(s) + "\n\n";
  for (const auto& run : s.runs.runs) {
    if (!run.result.solution.summary.IsConverged())
      out += "WARNING: " + run.label + " did not converge (" + run.result.solution.summary.message +
             "); its numbers are not an equilibrium.\n\n";
  }
  for (const auto& t : SensitivityTables(s, options))
    out += (md ? t.ToMarkdown() : t.ToText()) + "\n";
  if (options.show_solver) {
    for (const auto& run : s.runs.runs)
      out += "Solver, " + run.label + ": " + run.result.solution.summary.BriefReport() +
             (md ? "  \n" : "\n");
  }
  return out;
}

nlohmann::json SensitivityToJson(const SensitivityResult& s, const RunJsonOptions& options) {
  auto number = [](double v) {
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
  };
  nlohmann::json j;
  j["schema"] = "ricardo.sensitivity";
  j["schema_version"] = kSensitivitySchemaVersion;
  j["variants"] = nlohmann::json::array();
  for (const auto& v : s.variants)
    j["variants"].push_back({{"label", v.label}, {"theta", v.theta}});
  j["ranges"] = nlohmann::json::array();
  for (const auto& r : s.ranges) {
    nlohmann::json values = nlohmann::json::array();
    for (double v : r.values_pct) values.push_back(number(v));
    j["ranges"].push_back({{"region", r.region},
                           {"indicator", r.indicator},
                           {"values_pct", values},
                           {"min_pct", number(r.min_pct)},
                           {"max_pct", number(r.max_pct)}});
  }
  j["seconds_total"] = s.runs.seconds_total;
  j["runs"] = nlohmann::json::array();
  for (const auto& r : s.runs.runs) j["runs"].push_back(RunResultToJson(r.result, options));
  return j;
}

namespace {

ReportFiles WriteSensitivityReportInto(const SensitivityResult& s,
                                       const std::filesystem::path& directory,
                                       const ReportOptions& options) {
  ReportFiles files;
  std::vector<detail::LabelledRun> runs;
  for (const auto& r : s.runs.runs) runs.push_back({r.label, &r.result});
  if (options.write_csv) {
    for (auto& f : detail::WriteRunsCsv(runs, directory)) files.written.push_back(f);
    std::string csv = "variant,region,indicator,change_pct\n";
    for (const auto& r : s.ranges)
      for (std::size_t k = 0; k < r.values_pct.size(); ++k)
        csv += s.variants[k].label + "," + r.region + "," + r.indicator + "," +
               (std::isfinite(r.values_pct[k]) ? fmt::format("{}", r.values_pct[k]) : "") + "\n";
    detail::WriteTextFile(directory / "sensitivity.csv", csv);
    files.written.push_back(directory / "sensitivity.csv");
  }
  if (options.write_json) {
    detail::WriteTextFile(directory / "sensitivity.json",
                          SensitivityToJson(s, options.json).dump(2) + "\n");
    files.written.push_back(directory / "sensitivity.json");
  }
  if (!options.write_html) return files;
  if (!ChartRendererAvailable(options.charts, &files.html_skipped_reason)) return files;
  detail::HtmlPage page;
  page.title = "ricardo: sensitivity to the trade elasticities";
  page.heading = {Heading(s)};
  page.tables = SensitivityTables(s, options.table);
  std::string png_note;
  std::vector<std::filesystem::path> png_files;
  page.charts =
      detail::RenderChartFiles(detail::RangeCharts(runs, {{"welfare", "Welfare, % change"},
                                                          {"real_wage", "Real wage, % change"},
                                                          {"exports", "Exports, % change"},
                                                          {"imports", "Imports, % change"}}),
                               detail::ChartSubtitle(s.runs.runs.front().result.metadata),
                               directory / "charts", options.charts, &png_note, &png_files);
  if (!png_note.empty()) page.notes.push_back(png_note);
  for (const auto& r : s.runs.runs) {
    const auto& summary = r.result.solution.summary;
    if (!summary.IsConverged())
      page.warnings.push_back(r.label + " did not converge (" + summary.message + ").");
    page.notes.push_back("Solver, " + r.label + ": " + summary.BriefReport());
  }
  // One command made every run: the first run's stamp stands for the page.
  if (!s.runs.runs.empty() && !s.runs.runs.front().result.metadata.stamp.empty())
    page.stamp = s.runs.runs.front().result.metadata.stamp;
  files.html = directory / "report.html";
  detail::WriteTextFile(files.html, detail::RenderHtml(page));
  for (const auto& ch : page.charts) {
    files.charts.push_back(ch.svg_file);
    files.written.push_back(ch.svg_file);
  }
  for (const auto& png : png_files) files.written.push_back(png);
  files.written.push_back(files.html);
  return files;
}

}  // namespace

ReportFiles WriteSensitivityReport(const SensitivityResult& s,
                                   const std::filesystem::path& directory,
                                   const ReportOptions& options) {
  if (s.runs.runs.empty()) throw ArgumentError("no sensitivity run to report");
  StagedDirectory staged(directory, detail::ReportFolderOptions());
  return detail::CommitReport(staged, WriteSensitivityReportInto(s, staged.path(), options),
                              s.runs.runs.front().result.metadata.stamp);
}

}  // namespace ricardo
