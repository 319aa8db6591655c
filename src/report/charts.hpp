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
};

// Welfare and real wage by country, bilateral trade-change matrix, sector output changes,
// effective tariff by partner and by sector, tariff revenue.
std::vector<ChartSpec> RunCharts(const RunResult& result, const TableOptions& options);
// Welfare, real wage and tariff revenue by country and scenario; trade-change matrix per scenario.
std::vector<ChartSpec> ComparisonCharts(const std::vector<LabelledRun>& runs);

struct RenderedChart {
  ChartSpec chart;
  std::filesystem::path svg_file;
  std::string svg;  // the file's content, for inlining
};

// Writes every spec to `directory`/<name>.vl.json, renders them all with one Node.js process
// and reads the SVGs back. Throws ArgumentError (with what to do) if Node.js or the modules are
// missing or a chart fails to render.
std::vector<RenderedChart> RenderCharts(const std::vector<ChartSpec>& charts,
                                        const std::filesystem::path& directory,
                                        const ChartRendererOptions& options);

// Shared spec pieces.
nlohmann::json VegaLiteBase(const std::string& title);
// A diverging colour scale centred on zero, for percent changes.
nlohmann::json DivergingColor(const std::string& field, const std::string& title);

}  // namespace ricardo::detail
