// Reports of one counterfactual run: the terminal table (text or Markdown), tidy CSV files, the
// run-result JSON document, and a self-contained HTML report whose charts are Vega-Lite specs
// rendered to SVG by Node.js (tools/report/render-charts.mjs).
//
// Everything here reads a finished RunResult and changes nothing. Percent appears only in what
// these functions print or write; money is converted from the baseline's money unit to currency
// units (US$) at the edge. docs/reports.md documents every file and column.
#pragma once

#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "ricardo/run.hpp"
#include "ricardo/solver.hpp"

namespace ricardo {

enum class TableFormat {
  kText,      // aligned columns for a terminal
  kMarkdown,  // pipe tables for pasting into documents
};
const char* ToString(TableFormat format);

struct TableOptions {
  TableFormat format = TableFormat::kText;
  // Region codes shown in the bilateral before/after table and the largest sector changes.
  // Empty: the bilateral table shows USA, CAN and MEX when the baseline has all three, otherwise
  // every region; the largest sector changes are chosen among every region.
  std::vector<std::string> focus_regions;
  // Importers whose imports by partner (before and after, share of their imports, change in
  // share: the trade-diversion view, Outcomes::imports_by_partner) get a table and a chart.
  // Empty: USA when the baseline has it. Throws ArgumentError for a code the baseline lacks.
  std::vector<std::string> imports_by_partner_regions;
  // How many of the largest sector output changes (by absolute percent change) to list.
  int top_sectors = 10;
  // A (region, sector) enters the largest-changes list only if its base-year gross output is at
  // least this fraction of the region's total gross output, so tiny sectors' large percentages
  // do not crowd out the ones that matter.
  double min_sector_output_share = 0.005;
  // Append the solver's one-line summary.
  bool show_solver = true;
};

// The compact answer: per country exact welfare %, real wage %, exports and imports %, tariff
// revenue and effective tariff rate before and after; the imports of the US (or the importers
// asked for) by partner before and after, with shares; bilateral trade among the focus regions
// before and after; the largest sector output changes; the solver's one-line summary.
// Throws ArgumentError for a focus region or importer the baseline does not have.
std::string FormatRunTable(const RunResult& result, const TableOptions& options = {});

// Writes the tidy CSV files of a run into `directory` (created if missing) and returns their
// paths. Long format, one observation per row, units in column names (docs/reports.md).
std::vector<std::filesystem::path> WriteRunCsv(const RunResult& result,
                                               const std::filesystem::path& directory);

// Writes RunResultToJson(result, options) to `file`, indented. Throws OutputError (path and the
// system's reason) if the file cannot be written.
void WriteRunJson(const RunResult& result, const std::filesystem::path& file,
                  const RunJsonOptions& options = {});

// How charts are rendered. Node.js runs tools/report/render-charts.mjs with the npm packages
// vega and vega-lite installed in tools/report/node_modules (`npm ci`, done by
// scripts/install-deps.sh).
struct ChartRendererOptions {
  // The Node.js executable (searched on PATH when it has no slash). $RICARDO_NODE overrides.
  std::string node_executable = "node";
  // The folder holding render-charts.mjs and node_modules. Empty: $RICARDO_REPORT_TOOLS_DIR if
  // set, else tools/report in the source tree ricardo was built from.
  std::filesystem::path tools_directory;
};

struct ReportOptions {
  TableOptions table;  // focus regions and sector list, shared with the HTML tables
  RunJsonOptions json;
  bool write_csv = true;
  bool write_json = true;
  // Write report.html and charts/*.svg. When Node.js or the npm modules are missing the HTML is
  // skipped (never a partial report) and ReportFiles::html_skipped_reason says why and how to fix;
  // when the renderer is there but fails, OutputError and nothing is written.
  bool write_html = true;
  ChartRendererOptions charts;
};

struct ReportFiles {
  std::vector<std::filesystem::path> written;  // every file written, in order
  std::filesystem::path html;                  // empty if the HTML report was skipped
  std::vector<std::filesystem::path> charts;   // one .svg per chart
  std::string html_skipped_reason;             // empty unless write_html was asked and failed
};

// Writes the CSV files, run.json and report.html with its charts (also saved as charts/*.svg
// and their Vega-Lite specs as charts/*.vl.json) into `directory`, all or nothing: into a
// staging folder swapped into place when complete (StagedDirectory, output_directory.hpp), so an
// earlier report there is replaced whole and a failure leaves it untouched. OutputError for a
// `directory` that cannot be written or replaced, or a chart renderer that fails. Charts of
// large baselines are capped (docs/cli.md, "Limits") and say so beside them.
ReportFiles WriteRunReport(const RunResult& result, const std::filesystem::path& directory,
                           const ReportOptions& options = {});

// Whether charts can be rendered with `options`; if not, `reason` says why and how to fix it.
bool ChartRendererAvailable(const ChartRendererOptions& options, std::string* reason);

// A solver progress callback for terminals: after `delay_seconds` it keeps one line on `stream`
// up to date ("solving… iteration 12, residual 3.1e-06, 1.4 s"). It prints nothing at all when
// `stream` is not a terminal, so pipes, files and tests stay clean. Call the returned `finish`
// once when the solve returns to erase the line.
struct TerminalProgress {
  std::function<void(const SolverProgress&)> callback;
  std::function<void()> finish;
};
TerminalProgress MakeTerminalProgress(std::FILE* stream, const std::string& label,
                                      double delay_seconds = 1.0);

// A progress bar for work counted in items (the points of a sweep), for terminals: one line on
// `stream`, "sweep [########------------]  120/400 points  30%  12 s, about 28 s left", the
// estimate from the items done since the start of this process (items already done when it
// started, e.g. resumed from a journal, count towards the bar but not the speed). Redrawn at
// most every 0.2 s; prints nothing when `stream` is not a terminal. `finish` ends the line.
struct TerminalCountProgress {
  std::function<void(std::size_t done, std::size_t total)> update;
  std::function<void()> finish;
};
TerminalCountProgress MakeTerminalCountProgress(std::FILE* stream, const std::string& label,
                                                const std::string& unit);

}  // namespace ricardo
