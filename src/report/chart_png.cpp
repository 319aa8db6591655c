// PNG copies of the report's charts, for slides and documents that do not take SVG: each
// charts/<name>.svg is converted by rsvg-convert (Debian librsvg2-bin), a packaged converter,
// so no browser or npm package is needed. Without it the report is still complete in SVG and
// says so in its notes.
#include <cstdlib>

#include "report/charts.hpp"
#include "report/process.hpp"
#include "ricardo/error.hpp"

namespace ricardo::detail {
namespace {

std::string Converter() {
  if (const char* env = std::getenv("RICARDO_RSVG_CONVERT"); env && *env) return env;
  return "rsvg-convert";
}

// Twice the SVG's size, so the PNG stays sharp on high-density screens and in print.
constexpr const char* kZoom = "2";

}  // namespace

std::vector<std::filesystem::path> WritePngCopies(const std::vector<RenderedChart>& charts,
                                                  std::string* note) {
  std::vector<std::filesystem::path> out;
  note->clear();
  if (charts.empty()) return out;
  const std::string converter = Converter();
  if (FindExecutable(converter).empty()) {
    *note = "PNG copies of the charts were not written: the converter '" + converter +
            "' was not found (install Debian's librsvg2-bin, scripts/install-deps.sh, or set "
            "RICARDO_RSVG_CONVERT); every chart is in charts/ as SVG.";
    return out;
  }
  for (const RenderedChart& c : charts) {
    std::filesystem::path png = c.svg_file;
    png.replace_extension(".png");
    const ProcessResult p = RunProcess({converter, "--zoom", kZoom, "--background-color", "white",
                                        "--output", png.string(), c.svg_file.string()});
    if (!p.started || p.exit_code != 0 || !std::filesystem::is_regular_file(png)) {
      throw OutputError(Location{png.string(), 0, 0, {}},
                        "converting the chart to PNG failed (" + converter + ": " +
                            (p.started ? p.output : p.start_error) + ")",
                        "check that " + converter + " runs, or unset RICARDO_RSVG_CONVERT");
    }
    out.push_back(png);
  }
  return out;
}

}  // namespace ricardo::detail

namespace ricardo::detail {

std::vector<RenderedChart> RenderChartFiles(std::vector<ChartSpec> specs,
                                            const std::string& subtitle,
                                            const std::filesystem::path& directory,
                                            const ChartRendererOptions& options,
                                            std::string* png_note,
                                            std::vector<std::filesystem::path>* png_files) {
  AddSubtitle(specs, subtitle);
  std::vector<RenderedChart> charts = RenderCharts(specs, directory, options);
  *png_files = WritePngCopies(charts, png_note);
  return charts;
}

}  // namespace ricardo::detail
