// The limits the documentation states are the limits the code applies (issue 12): each number of
// the Limits tables of docs/cli.md, docs/api.md and docs/scenarios.md (and the rate and share
// bounds written beside the keys they bound) is read here and compared with the constant or
// default it describes, so that one cannot change without the other.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/nesting_depth.hpp"
#include "core/regular_file.hpp"
#include "fmt/format.h"
#include "report/chart_limits.hpp"
#include "ricardo/run.hpp"
#include "ricardo/scenario.hpp"
#include "ricardo/sensitivity.hpp"
#include "ricardo/server.hpp"
#include "ricardo/sweep.hpp"
#include "ricardo/uncertainty.hpp"

namespace ricardo {
namespace {

std::string ReadDoc(const std::string& name) {
  std::ifstream in(std::string(RICARDO_PROJECT_DIR) + "/docs/" + name);
  EXPECT_TRUE(in) << "cannot read docs/" << name;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Trim(std::string s) {
  const auto first = s.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

// Cell `column` (0 = the label) of the Markdown table row of `doc` whose first cell is `label`.
std::string Cell(const std::string& doc, const std::string& label, std::size_t column) {
  std::istringstream in(doc);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| " + label + " |", 0) != 0) continue;
    std::vector<std::string> cells;
    std::size_t start = 1;
    // A '|' escaped as "\|" (in `table\|md`) is inside a cell.
    for (std::size_t k = 1; k < line.size(); ++k) {
      if (line[k] == '|' && line[k - 1] != '\\') {
        cells.push_back(Trim(line.substr(start, k - start)));
        start = k + 1;
      }
    }
    if (column < cells.size()) return cells[column];
    ADD_FAILURE() << "row '" << label << "' has no column " << column;
    return "";
  }
  ADD_FAILURE() << "no table row '" << label << "'";
  return "";
}

// 2000 -> "2,000", as the documents write counts.
std::string Thousands(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t k = 0; k < digits.size(); ++k) {
    if (k > 0 && (digits.size() - k) % 3 == 0) out += ',';
    out += digits[k];
  }
  return out;
}

// 1 << 20 -> "1 MiB", 8192 -> "8 KiB".
std::string Bytes(std::uint64_t n) {
  if (n % detail::kMebibyte == 0) return fmt::format("{} MiB", n / detail::kMebibyte);
  return fmt::format("{} KiB", n / 1024);
}

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

#define EXPECT_STARTS_WITH(text, prefix) EXPECT_PRED2(StartsWith, text, prefix)
#define EXPECT_CONTAINS(text, part) EXPECT_NE((text).find(part), std::string::npos) << (text)

TEST(DocumentedLimits, CliFileCapsAreTheReadersCaps) {
  const std::string cli = ReadDoc("cli.md");
  EXPECT_EQ(Cell(cli, "scenario (`.toml`)", 1), Bytes(detail::kMaxScenarioFileBytes));
  EXPECT_EQ(Cell(cli, "`manifest.toml`", 1), Bytes(detail::kMaxManifestFileBytes));
  EXPECT_STARTS_WITH(
      Cell(cli, "package CSV tables, product and tracker data, WIOD and CP2015 files", 1),
      Bytes(detail::kMaxDataFileBytes) + " ");
  EXPECT_EQ(Cell(cli, "`--elasticities` file", 1), Bytes(detail::kMaxElasticitiesFileBytes));
  EXPECT_EQ(Cell(cli, "dashboard web files (`ricardo serve --web-dir DIR`)", 1),
            Bytes(detail::kMaxWebAssetBytes) + " each");
}

TEST(DocumentedLimits, CliScenarioAndSweepLimitsAreTheConstants) {
  const std::string cli = ReadDoc("cli.md");
  EXPECT_EQ(Cell(cli, "measures in one scenario", 1), Thousands(kMaxScenarioMeasures));
  EXPECT_EQ(Cell(cli, "pair rules the stacking entries resolve to", 1),
            Thousands(kMaxStackingPairRules));
  EXPECT_STARTS_WITH(Cell(cli, "product lines a `scenario explain` shows", 1),
                     Thousands(static_cast<std::uint64_t>(ExplainOptions{}.max_trace_lines)) + " ");
  EXPECT_EQ(Cell(cli, "product lines the compile behind an explanation keeps", 1),
            Thousands(static_cast<std::uint64_t>(CompileOptions{}.max_product_trace_lines)));
  EXPECT_EQ(Cell(cli, "nesting depth of a scenario or manifest (TOML)", 1),
            fmt::format("{} levels", detail::kMaxNestingDepth));
  EXPECT_EQ(
      Cell(cli, "variants of one run (`--theta-scale` factors, `--elasticities` variants)", 1),
      Thousands(kSensitivityVariantsMax));
}

TEST(DocumentedLimits, DrawLimitsAreTheConstants) {
  const std::string cli = ReadDoc("cli.md");
  EXPECT_EQ(Cell(cli, "draws of one run (`--draws`)", 1),
            Thousands(static_cast<std::uint64_t>(kMaxDraws)));
  EXPECT_EQ(Cell(cli,
                 "outcome values the draws of one run hold until the bands are taken ((4 + "
                 "regions) × regions per draw)",
                 1),
            Thousands(kMaxDrawValues));
}

TEST(DocumentedLimits, CliSweepLimitsAreTheConstants) {
  const std::string cli = ReadDoc("cli.md");
  EXPECT_EQ(Cell(cli, "points of one sweep (grid product or listed points)", 1),
            Thousands(kMaxSweepPoints));
  EXPECT_EQ(Cell(cli, "compiles one sweep needs (scenarios × dates × USMCA shares)", 1),
            Thousands(kMaxSweepCompiles));
  EXPECT_EQ(Cell(cli, "`chunk_points`", 1), "1 … " + Thousands(kMaxSweepChunkPoints));
}

TEST(DocumentedLimits, CliReportCapsAreTheConstants) {
  const std::string cli = ReadDoc("cli.md");
  EXPECT_EQ(Cell(cli,
                 "variants shown side by side (tables with a column per variant, "
                 "`sensitivity.json` with every run, the HTML report)",
                 1),
            std::to_string(kSensitivityReportVariantsMax));
  EXPECT_EQ(
      Cell(cli, "welfare and real wage, tariff revenue, sensitivity ranges, comparison bars", 1),
      fmt::format("{} regions", detail::kChartRegionsMax));
  EXPECT_STARTS_WITH(Cell(cli, "bilateral trade matrix, rows of the sector-output heatmap", 1),
                     fmt::format("{} regions (every region up to {},", detail::kMatrixRegionsMax,
                                 detail::kMatrixRegionsMax));
  EXPECT_EQ(Cell(cli, "sector-output and tariff-by-sector heatmaps", 1),
            fmt::format("{} sectors", detail::kChartSectorsMax));
  EXPECT_EQ(Cell(cli, "added tariff on goods by partner, and by sector and partner", 1),
            fmt::format("{} importer ← exporter pairs", detail::kChartPairsMax));
  EXPECT_EQ(Cell(cli, "imports by partner (trade diversion)", 1),
            fmt::format("{} partners", detail::kChartPartnersMax));
  EXPECT_CONTAINS(cli, fmt::format("`bilateral_sector` table when the baseline has more than {} "
                                   "importer × exporter × sector",
                                   Thousands(RunJsonOptions{}.bilateral_sector_max_rows)));
}

TEST(DocumentedLimits, ScenarioLimitsAndBoundsAreTheConstants) {
  const std::string scenarios = ReadDoc("scenarios.md");
  EXPECT_STARTS_WITH(Cell(scenarios, "measures per scenario", 1),
                     Thousands(kMaxScenarioMeasures) + " (`kMaxScenarioMeasures`)");
  EXPECT_STARTS_WITH(Cell(scenarios, "pair rules the stacking entries resolve to", 1),
                     Thousands(kMaxStackingPairRules) + " (`kMaxStackingPairRules`)");
  EXPECT_CONTAINS(Cell(scenarios, "`rate`", 3),
                  fmt::format("a fraction from 0 to {} ", kMaxTariffRate));
  EXPECT_CONTAINS(scenarios, fmt::format("`rate` is a fraction from 0 to {} ({}%)", kMaxTariffRate,
                                         100 * kMaxTariffRate));
  EXPECT_CONTAINS(scenarios, fmt::format("(above 0, at most {})", kMaxScenarioTheta));
}

TEST(DocumentedLimits, ApiBoundsAndServerDefaultsAreTheConstants) {
  const std::string api = ReadDoc("api.md");
  EXPECT_EQ(Cell(api, "`rates`", 2),
            fmt::format("new rates of measures, fractions in [0, {}]", kMaxTariffRate));
  EXPECT_STARTS_WITH(
      Cell(api, "`usmca_share`", 2),
      fmt::format("every product's USMCA-qualifying share, [0, {}];", kMaxUsmcaShare));
  EXPECT_CONTAINS(
      api, fmt::format("{{\"draws_default\":{},\"draws_max\":{},\"tariff_rate_max\":"
                       "{:.1f},\"usmca_share_max\":{:.1f}}}",
                       kDefaultRequestDraws, kMaxRequestDraws, kMaxTariffRate, kMaxUsmcaShare));
  EXPECT_EQ(Cell(api, "`draws`", 2),
            fmt::format("how many draws, 1 to `draws_max` of `GET /api/v1/limits` ({}); default "
                        "`draws_default` ({})",
                        kMaxRequestDraws, kDefaultRequestDraws));
  EXPECT_STARTS_WITH(Cell(api, "draws requests (`/draws`)", 1),
                     fmt::format("computed one at a time on a worker of their own at nice +10, {} "
                                 "more waiting (503 beyond); 1 to {} draws each, {} by default",
                                 kMaxWaitingDrawRequests, kMaxRequestDraws, kDefaultRequestDraws));

  const ServerOptions defaults;
  EXPECT_STARTS_WITH(Cell(api, "request body", 1),
                     Bytes(defaults.max_body_bytes) + " (413 beyond)");
  EXPECT_EQ(Cell(api, "request line", 1), Bytes(defaults.max_request_line_bytes) + " (414 beyond)");
  EXPECT_STARTS_WITH(Cell(api, "header block", 1),
                     Bytes(defaults.max_header_bytes) + " (431 beyond)");
  EXPECT_EQ(Cell(api, "header fields", 1),
            fmt::format("{} (431 beyond)", defaults.max_header_count));
  EXPECT_STARTS_WITH(Cell(api, "request deadline", 1),
                     fmt::format("{:g} s ", defaults.request_deadline_seconds));
  EXPECT_STARTS_WITH(Cell(api, "stalled request", 1),
                     fmt::format("{:g} s ", defaults.read_timeout_seconds));
  EXPECT_EQ(Cell(api, "keep-alive", 1),
            fmt::format("{} requests per connection; closed after {:g} s idle (also a connection "
                        "that never sends a byte)",
                        defaults.keep_alive_max_requests, defaults.keep_alive_timeout_seconds));
  EXPECT_STARTS_WITH(Cell(api, "write deadline", 1),
                     fmt::format("{:g} s ", defaults.write_timeout_seconds));
  EXPECT_STARTS_WITH(Cell(api, "open connections", 1),
                     fmt::format("{} (", defaults.max_connections));
  EXPECT_STARTS_WITH(Cell(api, "handler threads", 1), fmt::format("{}:", defaults.handler_threads));
  EXPECT_STARTS_WITH(Cell(api, "requests waiting for a handler thread", 1),
                     fmt::format("{} (503 beyond)", defaults.max_queued_requests));
  EXPECT_STARTS_WITH(Cell(api, "solves computed at once (worker threads)", 1),
                     fmt::format("{} (", defaults.max_concurrent_solves));
  EXPECT_STARTS_WITH(Cell(api, "solves waiting for a worker", 1),
                     fmt::format("{} (503 beyond)", defaults.max_waiting_solves));
  EXPECT_STARTS_WITH(Cell(api, "time of one solve or explanation", 1),
                     fmt::format("{:g} s ", defaults.solve_time_limit_seconds));
  EXPECT_EQ(Cell(api, "result cache", 1),
            fmt::format("{} answers, {}", defaults.cache_entries, Bytes(defaults.cache_max_bytes)));
  EXPECT_STARTS_WITH(
      Cell(api, "measures in one scenario, pair rules its stacking entries resolve to", 1),
      fmt::format("{} measures, {} pair rules", Thousands(kMaxScenarioMeasures),
                  Thousands(kMaxStackingPairRules)));
  EXPECT_STARTS_WITH(Cell(api, "product lines of one `/explain` answer", 1),
                     Thousands(static_cast<std::uint64_t>(ExplainOptions{}.max_trace_lines)) + " ");
  EXPECT_STARTS_WITH(
      Cell(api, "nesting depth of a body (JSON, scenario TOML, TOML in `scenario_toml`)", 1),
      fmt::format("{} levels", detail::kMaxNestingDepth));
}

}  // namespace
}  // namespace ricardo
