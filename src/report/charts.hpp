// Vega-Lite specifications of the report's charts, with their data inline, and their rendering
// to SVG through Node.js (tools/report/render-charts.mjs). No chart is drawn by hand here: the
// C++ side only says what to plot.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "report/run_csv.hpp"
#include "ricardo/report.hpp"

namespace ricardo::detail {

struct ChartSpec {
  std::string name;     // file stem: charts/<name>.svg, charts/<name>.vl.json
  std::string title;    // heading in the HTML report
  std::string caption;  // one sentence under the chart: what is plotted, in which unit
  nlohmann::json spec;  // a complete Vega-Lite specification with inline data
  // Says what the chart leaves out when a baseline has more regions, sectors or pairs than a
  // chart shows (chart_limits.hpp); empty when the chart is complete. Shown beside the chart.
  std::string limit_note = {};
};

// Welfare and real wage by country, the change in partners' import shares (for each importer of
// TableOptions::imports_by_partner_regions), bilateral trade-change matrix, sector output
// changes, effective tariff by partner and by sector, tariff revenue.
std::vector<ChartSpec> RunCharts(const RunResult& result, const TableOptions& options);
// Trade diversion: change in each partner's share of `importer`'s imports, in the order of
// Outcomes::imports_by_partner (largest gain first), as diverging bars.
ChartSpec ImportShareChart(const RunResult& result, std::size_t importer);
// Welfare and real wage with the bands of `ricardo run --draws` (RunResult::uncertainty set).
ChartSpec BandsChart(const RunResult& result);
// Welfare, real wage and tariff revenue by country and scenario; trade-change matrix per scenario.
std::vector<ChartSpec> ComparisonCharts(const std::vector<LabelledRun>& runs);

struct RenderedChart {
  ChartSpec chart;
  std::filesystem::path svg_file;
  std::string svg;  // the file's content, for inlining
};

// Writes every spec to `directory`/<name>.vl.json, renders them all with one Node.js process
// and reads the SVGs back. Throws OutputError (with what to do and the renderer's first lines of
// output) if Node.js or the modules are missing or a chart fails to render.
std::vector<RenderedChart> RenderCharts(const std::vector<ChartSpec>& charts,
                                        const std::filesystem::path& directory,
                                        const ChartRendererOptions& options);

// Sensitivity: per region, each variant's value as a point and the min–max range as a rule,
// one chart per indicator in `indicators` (key, title).
std::vector<ChartSpec> RangeCharts(
    const std::vector<LabelledRun>& runs,
    const std::vector<std::pair<std::string, std::string>>& indicators);

// Rows and columns of the trade matrix and the sector heatmap: every region up to
// kMatrixRegionsMax, else the focus regions (at most kMatrixRegionsMax, the largest by
// base-year income). `note` says what is left out (empty when nothing is).
std::vector<std::size_t> MatrixRegions(const RunResult& result,
                                       const std::vector<std::size_t>& focus, std::string* note);

// Shared spec pieces.
nlohmann::json VegaLiteBase(const std::string& title);
// A diverging colour scale centred on zero, for percent changes.
nlohmann::json DivergingColor(const std::string& field, const std::string& title);
// Bars of `y` by `x` (in `x_order`), side by side by `group` (in `group_order`), coloured by group.
nlohmann::json GroupedBars(const std::string& title, nlohmann::json values, const std::string& x,
                           const std::vector<std::string>& x_order, const std::string& group,
                           const std::vector<std::string>& group_order, const std::string& y,
                           const std::string& y_title);

// Value labels for bars whose value is `field` (two text layers: above positive bars, below
// negative ones), printed with the d3 `format`. Add them to the bar's "layer".
nlohmann::json BarValueLabels(const std::string& field, const std::string& format);
// The colour bound of a diverging scale: the larger of |5th percentile| and |95th percentile| of
// the finite `values` (nearest rank), so that one outlier does not wash the others out; 1 when
// there is nothing to scale.
double RobustBound(std::vector<double> values);
// A red–blue colour scale for changes, white at zero, on [−bound, bound]; values beyond are
// shown at the end colour (clamped), and the heat maps mark them.
nlohmann::json ClippedDivergingColor(const std::string& field, const std::string& title,
                                     double bound);
// "ricardo 0.1.0 · us-tariffs-2025-11 (measures of 2025-11-01) · made 2026-12-03": which program,
// scenario and day made a chart, under its title.
std::string ChartSubtitle(const RunMetadata& metadata);
void AddSubtitle(std::vector<ChartSpec>& charts, const std::string& subtitle);

// PNG copies of the rendered charts (charts/<name>.png beside each SVG) by rsvg-convert
// (Debian librsvg2-bin; $RICARDO_RSVG_CONVERT overrides). Returns the PNG files written; when
// the converter is missing, writes none and sets `note` to say so and how to fix it. OutputError
// when the converter fails on a chart.
std::vector<std::filesystem::path> WritePngCopies(const std::vector<RenderedChart>& charts,
                                                  std::string* note);
// What every report does with its charts: `subtitle` under each title (AddSubtitle), rendered
// to SVG (RenderCharts), copied to PNG (WritePngCopies: `png_files`, or `png_note` says why not).
std::vector<RenderedChart> RenderChartFiles(std::vector<ChartSpec> specs,
                                            const std::string& subtitle,
                                            const std::filesystem::path& directory,
                                            const ChartRendererOptions& options,
                                            std::string* png_note,
                                            std::vector<std::filesystem::path>* png_files);

}  // namespace ricardo::detail
