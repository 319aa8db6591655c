// Rendering Vega-Lite specs to SVG with Node.js, and telling people how to fix it when it can't.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "report/charts.hpp"
#include "report/process.hpp"
#include "ricardo/error.hpp"
#include "ricardo/paths.hpp"

namespace ricardo {
namespace detail {
namespace {

constexpr const char* kScript = "render-charts.mjs";

std::filesystem::path ToolsDirectory(const ChartRendererOptions& options) {
  if (!options.tools_directory.empty()) return options.tools_directory;
  if (const char* env = std::getenv("RICARDO_REPORT_TOOLS_DIR"); env && *env) return env;
  return SourceDirectory() / "tools" / "report";
}

std::string NodeExecutable(const ChartRendererOptions& options) {
  if (const char* env = std::getenv("RICARDO_NODE"); env && *env) return env;
  return options.node_executable;
}

std::string ReadFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The renderer's output can be a long stack trace; its first lines carry the cause.
constexpr int kRendererLinesShown = 4;
constexpr std::size_t kRendererLineChars = 300;

std::string FirstLines(const std::string& text, int count) {
  std::string out;
  std::size_t start = 0;
  for (int k = 0; k < count && start < text.size(); ++k) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, std::min(end - start, kRendererLineChars));
    if (!line.empty()) out += (out.empty() ? "" : " | ") + line;
    start = end + 1;
  }
  if (start < text.size()) out += " | …";
  return out.empty() ? "(no output)" : out;
}

}  // namespace

std::vector<RenderedChart> RenderCharts(const std::vector<ChartSpec>& charts,
                                        const std::filesystem::path& directory,
                                        const ChartRendererOptions& options) {
  // Callers check availability first and skip the HTML with a warning; reaching this is a
  // renderer that vanished in between, so the output cannot be made.
  std::string reason;
  if (!ChartRendererAvailable(options, &reason))
    throw OutputError(Location{directory.string(), 0, 0, {}},
                      "cannot render the charts: " + reason);
  CreateOutputDirectory(directory);
  nlohmann::json batch = {{"charts", nlohmann::json::array()}};
  for (const auto& c : charts) {
    WriteTextFile(directory / (c.name + ".vl.json"), c.spec.dump(2) + "\n");
    batch["charts"].push_back({{"name", c.name}, {"spec", c.spec}});
  }
  // The batch file is an input of this one render only; it is removed afterwards.
  const std::filesystem::path batch_file = directory / ".render-batch.json";
  WriteTextFile(batch_file, batch.dump());
  const std::filesystem::path script = ToolsDirectory(options) / kScript;
  const ProcessResult p = RunProcess(
      {NodeExecutable(options), script.string(), batch_file.string(), directory.string()});
  std::filesystem::remove(batch_file);
  if (!p.started) {
    throw OutputError(Location{script.string(), 0, 0, {}},
                      "cannot start Node.js to render the charts: " + p.start_error,
                      "install Node.js (scripts/install-deps.sh) or set RICARDO_NODE");
  }
  if (p.exit_code != 0) {
    throw OutputError(
        Location{script.string(), 0, 0, {}},
        "rendering the charts failed (" + NodeExecutable(options) + " exited with " +
            (p.exit_code < 0 ? std::string("a signal") : std::to_string(p.exit_code)) +
            "): " + FirstLines(p.output, kRendererLinesShown),
        "run `npm ci` in " + ToolsDirectory(options).string() +
            " and try again; if it persists, please report it as a bug");
  }
  std::vector<RenderedChart> out;
  for (const auto& c : charts) {
    RenderedChart r{c, directory / (c.name + ".svg"), ""};
    r.svg = ReadFile(r.svg_file);
    if (r.svg.find("<svg") == std::string::npos) {
      throw InternalError("chart '" + c.name + "' was rendered to an empty or invalid SVG (" +
                          r.svg_file.string() + ")");
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace detail

bool ChartRendererAvailable(const ChartRendererOptions& options, std::string* reason) {
  const std::string node = detail::NodeExecutable(options);
  if (detail::FindExecutable(node).empty()) {
    if (reason) {
      *reason = "Node.js ('" + node +
                "') was not found, so the HTML report and its SVG charts "
                "were skipped; install it with scripts/install-deps.sh (Debian package nodejs) "
                "or set RICARDO_NODE to its path";
    }
    return false;
  }
  const std::filesystem::path tools = detail::ToolsDirectory(options);
  if (!std::filesystem::is_regular_file(tools / detail::kScript)) {
    if (reason) {
      *reason = "the chart renderer " + (tools / detail::kScript).string() +
                " was not found, so the HTML report and its SVG charts were skipped; set "
                "RICARDO_REPORT_TOOLS_DIR to ricardo's tools/report folder";
    }
    return false;
  }
  for (const char* module : {"vega", "vega-lite"}) {
    if (!std::filesystem::is_directory(tools / "node_modules" / module)) {
      if (reason) {
        *reason = std::string("the npm package '") + module + "' is not installed in " +
                  (tools / "node_modules").string() +
                  ", so the HTML report and its SVG charts were skipped; run `npm ci` in " +
                  tools.string() + " (scripts/install-deps.sh does it)";
      }
      return false;
    }
  }
  return true;
}

}  // namespace ricardo
