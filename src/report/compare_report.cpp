// WriteComparisonReport: CSV with every run, comparison.json, one report.html.
#include "report/charts.hpp"
#include "report/html_page.hpp"
#include "report/indicators.hpp"
#include "report/run_csv.hpp"
#include "report/staged_report.hpp"
#include "report/text_table.hpp"
#include "ricardo/compare.hpp"

namespace ricardo {
namespace {

ReportFiles WriteComparisonReportInto(const Comparison& c, const std::filesystem::path& directory,
                                      const ReportOptions& options) {
  ReportFiles files;
  std::vector<detail::LabelledRun> runs;
  for (const auto& r : c.runs) runs.push_back({r.label, &r.result});
  if (options.write_csv) {
    for (auto& f : detail::WriteRunsCsv(runs, directory)) files.written.push_back(f);
  }
  if (options.write_json) {
    detail::WriteTextFile(directory / "comparison.json",
                          ComparisonToJson(c, options.json).dump(2) + "\n");
    files.written.push_back(directory / "comparison.json");
  }
  if (!options.write_html) return files;
  if (!ChartRendererAvailable(options.charts, &files.html_skipped_reason)) return files;
  detail::HtmlPage page;
  page.title = "ricardo: comparison of " + std::to_string(c.runs.size()) + " scenarios";
  page.tables = detail::ComparisonTables(c, options.table, &page.heading);
  const Manifest& m = c.runs.front().result.baseline.manifest;
  page.heading.insert(page.heading.begin(), "Baseline: " + m.name + "; differences against A.");
  for (const auto& r : c.runs) {
    const auto& s = r.result.solution.summary;
    if (!s.IsConverged())
      page.warnings.push_back(r.label + " did not converge (" + s.message +
                              "); its numbers are not an equilibrium.");
    page.notes.push_back("Solver, " + r.label + ": " + s.BriefReport());
  }
  std::string png_note;
  std::vector<std::filesystem::path> png_files;
  page.charts = detail::RenderChartFiles(
      detail::ComparisonCharts(runs), detail::ChartSubtitle(c.runs.front().result.metadata),
      directory / "charts", options.charts, &png_note, &png_files);
  if (!png_note.empty()) page.notes.push_back(png_note);
  page.notes.push_back(
      "Every run's tables are in the CSV files next to this report (column "
      "`scenario`); comparison.json has the full results.");
  // One command made every run: the first run's stamp stands for the page.
  if (!c.runs.empty() && !c.runs.front().result.metadata.stamp.empty())
    page.stamp = c.runs.front().result.metadata.stamp;
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

ReportFiles WriteComparisonReport(const Comparison& c, const std::filesystem::path& directory,
                                  const ReportOptions& options) {
  StagedDirectory staged(directory, detail::ReportFolderOptions());
  // The first run's stamp: one program, command and time made every run of the comparison.
  const RunStamp stamp = c.runs.empty() ? RunStamp{} : c.runs.front().result.metadata.stamp;
  return detail::CommitReport(staged, WriteComparisonReportInto(c, staged.path(), options), stamp);
}

}  // namespace ricardo
