#include "report/html_page.hpp"

namespace ricardo::detail {
namespace {

constexpr const char* kStyle = R"(
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
       max-width: 1100px; padding: 0 1rem; color: #222; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.15rem; margin: 0 0 0.4rem; }
.heading p { margin: 0.1rem 0; color: #555; }
.warning { background: #fff3cd; border: 1px solid #e0b100; padding: 0.6rem 1rem; margin: 1rem 0; }
.tables { display: flex; flex-wrap: wrap; align-items: flex-start; column-gap: 2.5rem; }
.tables > div { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; margin: 1.2rem 0 0.3rem; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
th, td { padding: 0.2rem 0.6rem; border-bottom: 1px solid #ddd; }
th { background: #f4f4f4; text-align: left; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #666; font-size: 0.85rem; margin: 0.2rem 0 1rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; margin-top: 1.5rem; }
figure.chart { margin: 0; padding: 0.8rem; border: 1px solid #e3e3e3; border-radius: 6px;
               overflow-x: auto; max-width: 100%; }
figure.chart figcaption { color: #555; font-size: 0.85rem; max-width: 520px; }
figure.chart .limit { color: #8a5a00; }
footer { margin-top: 2rem; color: #777; font-size: 0.8rem; }
.key-results { border: 1px solid #c9d7e8; background: #f5f9fd; border-radius: 6px; padding: 0.8rem 1rem;
               margin: 1rem 0; }
.key-results p { margin: 0.2rem 0; }
.key-numbers { display: flex; flex-wrap: wrap; gap: 0.8rem; list-style: none; padding: 0; margin: 0.8rem 0 0; }
.key-numbers li { background: #fff; border: 1px solid #dde6f0; border-radius: 4px; padding: 0.4rem 0.7rem;
                  min-width: 9rem; max-width: 13rem; }
.key-numbers .value { display: block; font-size: 1.3rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.key-numbers .label { display: block; font-size: 0.8rem; color: #555; }
.measures { margin: 1rem 0; }
.measures summary { cursor: pointer; font-weight: 600; }
.measures table { font-size: 0.8rem; }
dl.stamp { display: grid; grid-template-columns: max-content 1fr; column-gap: 1rem; margin: 0.5rem 0; }
dl.stamp dt { font-weight: 600; }
dl.stamp dd { margin: 0; word-break: break-all; font-family: ui-monospace, monospace; }
)";

constexpr std::size_t kMeasuresShownOpen = 12;

// The stamp field by field (run.json's `stamp`; docs/reports.md, "Reproducible outputs").
std::string StampHtml(const RunStamp& s) {
  auto orNa = [](const std::string& v) { return v.empty() ? std::string("n/a") : v; };
  std::string months;
  for (const auto& m : s.data_months) months += (months.empty() ? "" : ", ") + m;
  const std::pair<const char*, std::string> rows[] = {
      {"Program",
       s.program.name + " " + s.program.version + " (" + s.program.build_type + " build)"},
      {"Git commit", orNa(s.program.git_commit)},
      {"Scenario SHA-256", orNa(s.scenario_sha256)},
      {"Baseline SHA-256", orNa(s.baseline_sha256)},
      {"Data months", months.empty() ? "none" : months},
      {"Command line", orNa(s.command_line)},
      {"Made (UTC)", orNa(s.created_utc)},
  };
  std::string out = "<dl class=\"stamp\" id=\"stamp\">\n";
  for (const auto& [key, value] : rows)
    out += std::string("<dt>") + key + "</dt><dd>" + EscapeHtml(value) + "</dd>\n";
  return out + "</dl>\n";
}

}  // namespace

std::string RenderHtml(const HtmlPage& page) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + EscapeHtml(page.title) + "</title>\n<style>" + kStyle + "</style>\n";
  out += "</head>\n<body>\n<header class=\"heading\">\n<h1>" + EscapeHtml(page.title) + "</h1>\n";
  for (const auto& line : page.heading) out += "<p>" + EscapeHtml(line) + "</p>\n";
  out += "</header>\n";
  for (const auto& w : page.warnings) out += "<p class=\"warning\">" + EscapeHtml(w) + "</p>\n";
  if (page.key_results) {
    out += "<section class=\"key-results\" id=\"key-results\">\n<h2>Key results</h2>\n";
    for (const auto& sentence : page.key_results->sentences)
      out += "<p>" + EscapeHtml(sentence) + "</p>\n";
    out += "<ul class=\"key-numbers\">\n";
    for (const auto& n : page.key_results->numbers) {
      out += "<li class=\"key-number\"><span class=\"value\">" + EscapeHtml(n.value) +
             "</span><span class=\"label\">" + EscapeHtml(n.label) + "</span></li>\n";
    }
    out += "</ul>\n</section>\n";
  }
  if (page.measures) {
    // A whole regime is 60 rows: folded (no script needed) so that the results stay in view, and
    // open when it is short enough to read at a glance.
    const bool open = page.measures->rows.size() <= kMeasuresShownOpen;
    out += std::string("<details class=\"measures\" id=\"measures\"") + (open ? " open" : "") +
           ">\n<summary>" + EscapeHtml(page.measures->title + ": " + page.measures->note) +
           "</summary>\n" + page.measures->ToHtml() + "</details>\n";
  }
  out += "<section class=\"tables\">\n";
  for (const auto& t : page.tables) out += "<div>\n" + t.ToHtml() + "</div>\n";
  out += "</section>\n<section class=\"charts\">\n";
  for (const auto& c : page.charts) {
    out += "<figure class=\"chart\" id=\"chart-" + c.chart.name + "\">\n<h2>" +
           EscapeHtml(c.chart.title) + "</h2>\n";
    // Vega's SVG output is a standalone document fragment starting at <svg>.
    const std::size_t start = c.svg.find("<svg");
    out += c.svg.substr(start == std::string::npos ? 0 : start) + "\n";
    out += "<figcaption>" + EscapeHtml(c.chart.caption);
    if (!c.chart.limit_note.empty())
      out += "<br><span class=\"limit\">" + EscapeHtml(c.chart.limit_note) + "</span>";
    out += "</figcaption>\n</figure>\n";
  }
  out += "</section>\n<footer>\n";
  for (const auto& n : page.notes) out += "<p>" + EscapeHtml(n) + "</p>\n";
  if (page.stamp) out += StampHtml(*page.stamp);
  out += "<p>Made by ricardo " RICARDO_VERSION
         " (Caliendo–Parro multi-sector general equilibrium). Charts: Vega-Lite.</p>\n";
  out += "</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace ricardo::detail
