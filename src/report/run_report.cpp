// WriteRunReport: CSV, JSON and the HTML report of one run.
#include "fmt/format.h"
#include "report/charts.hpp"
#include "report/html_page.hpp"
#include "report/key_results.hpp"
#include "report/measures_table.hpp"
#include "report/run_csv.hpp"
#include "report/run_tables.hpp"
#include "report/staged_report.hpp"
#include "ricardo/error.hpp"
#include "ricardo/report.hpp"

namespace ricardo {

namespace {

ReportFiles WriteRunReportInto(const RunResult& result, const std::filesystem::path& directory,
                               const ReportOptions& options) {
  ReportFiles files;
  if (options.write_csv) {
    for (auto& f : WriteRunCsv(result, directory)) files.written.push_back(f);
  }
  if (options.write_json) {
    WriteRunJson(result, directory / "run.json", options.json);
    files.written.push_back(directory / "run.json");
  }
  if (!options.write_html) return files;
  if (!ChartRendererAvailable(options.charts, &files.html_skipped_reason)) return files;

  const detail::RunTables tables = detail::BuildRunTables(result, options.table);
  std::string png_note;
  std::vector<std::filesystem::path> png_files;
  const auto charts = detail::RenderChartFiles(
      detail::RunCharts(result, options.table), detail::ChartSubtitle(result.metadata),
      directory / "charts", options.charts, &png_note, &png_files);
  detail::HtmlPage page;
  const RunMetadata& meta = result.metadata;
  page.title =
      "ricardo: " + (meta.scenario_title.empty() ? meta.scenario_name : meta.scenario_title);
  page.heading = tables.heading;
  if (!meta.scenario_description.empty()) page.heading.push_back(meta.scenario_description);
  page.warnings = tables.warnings;
  page.key_results = detail::BuildKeyResults(result);
  if (!meta.measures.empty()) page.measures = detail::MeasuresTable(meta);
  if (!meta.stamp.empty()) page.stamp = meta.stamp;
  page.tables = tables.tables;
  page.charts = charts;
  for (const auto& s : meta.sources) page.notes.push_back("Source: " + s);
  for (const auto& n : meta.notes) page.notes.push_back("Note: " + n);
  page.notes.push_back(tables.solver_line.empty()
                           ? "Solver: " + result.solution.summary.BriefReport()
                           : tables.solver_line);
  page.notes.push_back(
      "Tables as CSV and the full result as run.json sit next to this file; "
      "each chart is also in charts/ as SVG, PNG and its Vega-Lite spec; "
      "manifest.json lists every file with its SHA-256.");
  if (!png_note.empty()) page.notes.push_back(png_note);
  files.html = directory / "report.html";
  detail::WriteTextFile(files.html, detail::RenderHtml(page));
  for (const auto& c : charts) {
    files.charts.push_back(c.svg_file);
    files.written.push_back(c.svg_file);
  }
  for (const auto& png : png_files) files.written.push_back(png);
  files.written.push_back(files.html);
  return files;
}

}  // namespace

ReportFiles WriteRunReport(const RunResult& result, const std::filesystem::path& directory,
                           const ReportOptions& options) {
  StagedDirectory staged(directory, detail::ReportFolderOptions());
  return detail::CommitReport(staged, WriteRunReportInto(result, staged.path(), options),
                              result.metadata.stamp);
}

}  // namespace ricardo
