// One self-contained HTML page: inline CSS, tables, and the charts' SVG inlined, so the report
// opens offline from a single file. No scripts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/charts.hpp"
#include "report/key_results.hpp"
#include "report/text_table.hpp"

namespace ricardo::detail {

struct HtmlPage {
  std::string title;                      // <title> and <h1>
  std::vector<std::string> heading;       // lines under the title
  std::vector<std::string> warnings;      // shown prominently
  std::optional<KeyResults> key_results;  // the summary at the top
  std::optional<TextTable> measures;      // the measures simulated, after the summary
  std::vector<TextTable> tables;
  std::vector<RenderedChart> charts;
  std::vector<std::string> notes;  // sources, solver summary, files
  std::optional<RunStamp> stamp;   // in the footer, field by field
};

std::string RenderHtml(const HtmlPage& page);

}  // namespace ricardo::detail
