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
)";

}  // namespace

std::string RenderHtml(const HtmlPage& page) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + EscapeHtml(page.title) + "</title>\n<style>" + kStyle + "</style>\n";
  out += "</head>\n<body>\n<header class=\"heading\">\n<h1>" + EscapeHtml(page.title) + "</h1>\n";
  for (const auto& line : page.heading) out += "<p>" + EscapeHtml(line) + "</p>\n";
  out += "</header>\n";
  for (const auto& w : page.warnings) out += "<p class=\"warning\">" + EscapeHtml(w) + "</p>\n";
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
  out += "<p>Made by ricardo " RICARDO_VERSION
         " (Caliendo–Parro multi-sector general equilibrium). Charts: Vega-Lite.</p>\n";
  out += "</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace ricardo::detail
