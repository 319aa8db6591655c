// The compiled US tariffs beside the Yale Budget Lab tracker's (include/ricardo/tracker.hpp).
#include <algorithm>
#include <map>
#include <mutex>
#include <set>

#include "data/csv.hpp"
#include "data/gzip_text.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/paths.hpp"
#include "ricardo/tracker.hpp"
#include "tariffs/compile_context.hpp"
#include "tariffs/product_data.hpp"
#include "tariffs/text_files.hpp"

namespace ricardo {
namespace {

constexpr const char* kByPartner = "yale_etr_by_partner.csv";
constexpr const char* kOverall = "yale_etr_overall.csv";

// The tracker's groups in the order of its tables, with a name for people.
const std::vector<std::pair<std::string, std::string>> kGroups = {
    {"canada", "Canada"}, {"mexico", "Mexico"}, {"china", "China"},        {"eu", "EU"},
    {"uk", "UK"},         {"japan", "Japan"},   {"ftrow", "FTA partners"}, {"row", "Others"}};

void ReadRates(const std::filesystem::path& file, bool by_partner, std::vector<TrackerRate>* out) {
  const std::string header = by_partner
                                 ? "date,label,partner,etr,import_share,etr_tpc"
                                 : "date,label,etr,matched_imports_b,total_imports_b,etr_tpc";
  data_internal::ForEachLine(file, [&](long line, std::string_view text) {
    if (line == 1) {
      detail::ExpectHeader(text, header, file);
      return;
    }
    if (text.empty()) return;
    const std::vector<std::string> f = data_internal::SplitCsv(text, file, line);
    if (f.size() != 6) {
      throw DataError(Location{file.string(), line, 1, ""},
                      fmt::format("{} fields, expected 6", f.size()),
                      "the file is the tracker's table as published: " + header);
    }
    if (!Date::Parse(f[0])) {
      throw DataError(Location{file.string(), line, 1, ""}, fmt::format("'{}' is not a date", f[0]),
                      "write dates as YYYY-MM-DD");
    }
    TrackerRate r;
    r.date = f[0];
    r.label = f[1];
    r.group = by_partner ? f[2] : "";
    const std::size_t column = by_partner ? 3 : 2;
    r.rate = detail::ParseNumber(f[column], file, line, static_cast<long>(column + 1));
    out->push_back(std::move(r));
  });
}

std::string Members(const std::vector<std::string>& regions,
                    const std::vector<std::string>& inside_row) {
  std::string out = fmt::format("{}", fmt::join(regions, ", "));
  if (inside_row.empty()) return out;
  const std::size_t shown = std::min<std::size_t>(inside_row.size(), 3);
  std::vector<std::string> head(inside_row.begin(), inside_row.begin() + static_cast<long>(shown));
  out +=
      fmt::format("{}{}{} in ROW", out.empty() ? "" : " + ", fmt::join(head, ", "),
                  inside_row.size() > shown ? fmt::format(" +{}", inside_row.size() - shown) : "");
  return out;
}

std::string Pct(double fraction) {
  return fmt::format("{:.1f}%", 100.0 * fraction);
}

}  // namespace

TrackerRates LoadTrackerRates(const std::filesystem::path& dir) {
  TrackerRates t;
  t.source =
      "Yale Budget Lab tariff-rate tracker (MIT), effective rates by partner group, 2024 import "
      "weights";
  ReadRates(dir / kByPartner, true, &t.rates);
  ReadRates(dir / kOverall, false, &t.rates);
  return t;
}

std::shared_ptr<const TrackerRates> ShippedTrackerRates() {
  static std::mutex mutex;
  static std::shared_ptr<const TrackerRates> cached;
  static bool tried = false;
  std::lock_guard<std::mutex> lock(mutex);
  if (!tried) {
    tried = true;
    const std::filesystem::path dir = DataDirectory() / "tracker";
    if (std::filesystem::is_directory(dir))
      cached = std::make_shared<const TrackerRates>(LoadTrackerRates(dir));
  }
  return cached;
}

TrackerComparison CompareWithTracker(const CompiledScenario& compiled, const TrackerRates& tracker,
                                     const std::shared_ptr<const ProductData>& products_in) {
  const std::shared_ptr<const ProductData> products =
      products_in ? products_in : ShippedProductData();
  const Baseline& b = compiled.baseline;
  const CompileTrace& trace = compiled.trace;
  TrackerComparison out;
  out.source = tracker.source;
  std::map<std::string, const PairTrace*> pairs;  // exporter region → pair with USA imports
  for (const PairTrace& p : trace.pairs) {
    if (p.importer == out.importer && p.method == "products") pairs[p.exporter] = &p;
  }
  if (pairs.empty()) return out;

  const std::string date = trace.date.ToString();
  std::set<std::string> dates;
  for (const TrackerRate& r : tracker.rates) dates.insert(r.date);
  for (const std::string& d : dates) {
    if (d <= date) out.date_before = d;
    if (d > date && out.date_after.empty()) out.date_after = d;
  }
  auto tracker_rate = [&](const std::string& group,
                          const std::string& on) -> std::optional<double> {
    if (on.empty()) return std::nullopt;
    for (const TrackerRate& r : tracker.rates) {
      if (r.group == group && r.date == on) return r.rate;
    }
    return std::nullopt;
  };

  struct Sum {
    double usd = 0.0, charged = 0.0, reference = 0.0;
    std::vector<std::string> regions, inside_row;
  };
  std::map<std::string, Sum> groups;
  Sum all;
  int missing = 0;
  for (const ProductData::Country& c : products->countries()) {
    if (c.imports_2024_usd <= 0.0 || c.iso3 == out.importer) continue;
    const std::optional<std::size_t> region = detail::RegionOfCountry(b, c);
    if (!region) continue;
    const std::string& code = b.regions[*region].code;
    if (code == out.importer) continue;
    double rate = 0.0, reference = 0.0;
    if (const auto it = pairs.find(code); it != pairs.end()) {
      const PairTrace& p = *it->second;
      rate = p.all_goods_rate;
      reference = p.reference_all_goods_rate;
      for (const PairTrace::PortionRate& portion : p.portion_rates) {
        const bool named = std::find(portion.countries.begin(), portion.countries.end(), c.iso3) !=
                           portion.countries.end();
        if (named || portion.countries.empty()) rate = portion.all_goods_rate;
        if (named) break;
      }
    } else {
      ++missing;
    }
    for (Sum* s : {&groups[c.group], &all}) {
      s->usd += c.imports_2024_usd;
      s->charged += c.imports_2024_usd * rate;
      s->reference += c.imports_2024_usd * reference;
    }
    Sum& g = groups[c.group];
    if (code == "ROW" && *region != b.FindRegion(c.iso3)) {
      g.inside_row.push_back(c.iso3);
    } else if (std::find(g.regions.begin(), g.regions.end(), code) == g.regions.end()) {
      g.regions.push_back(code);
    }
  }
  auto row = [&](const std::string& group, const Sum& s, const std::string& members) {
    TrackerRow r;
    r.group = group;
    r.members = members;
    r.imports_2024_usd = s.usd;
    r.model_rate = s.usd > 0.0 ? s.charged / s.usd : 0.0;
    if (trace.reference_date) r.model_reference_rate = s.usd > 0.0 ? s.reference / s.usd : 0.0;
    const std::string key = group == "all" ? "" : group;
    r.tracker_before = tracker_rate(key, out.date_before);
    r.tracker_after = tracker_rate(key, out.date_after);
    return r;
  };
  for (const auto& [group, name] : kGroups) {
    const auto it = groups.find(group);
    if (it == groups.end()) continue;
    out.rows.push_back(row(group, it->second, Members(it->second.regions, it->second.inside_row)));
  }
  out.rows.push_back(row("all", all, "every partner"));
  out.notes.push_back(
      "both sides: additional US duties on all goods as a share of imports, 2024 import weights "
      "by country (ricardo: each country at its region's or named portion's all-goods rate, "
      "on that region's product weights)");
  if (trace.reference_date) {
    out.notes.push_back(
        fmt::format("on {}: the reference date's duties (region-level rates); the model's shock "
                    "is the change from then",
                    trace.reference_date->ToString()));
  }
  if (missing > 0) {
    out.notes.push_back(fmt::format(
        "{} countries belong to regions with no US measure in force (rate 0)", missing));
  }
  return out;
}

std::string TrackerComparisonText(const TrackerComparison& c) {
  if (c.rows.empty()) return {};
  std::string out =
      fmt::format("US additional tariffs on all goods by partner group, beside the {}\n", c.source);
  const bool reference = c.rows.front().model_reference_rate.has_value();
  out +=
      fmt::format("{:<13} {:<40} {:>11} {:>8}{} {:>15} {:>15} {:>7}\n", "Group", "ricardo regions",
                  "US$ bn 2024", "ricardo", reference ? fmt::format(" {:>10}", "ref. date") : "",
                  "Yale " + (c.date_before.empty() ? std::string("-") : c.date_before),
                  "Yale " + (c.date_after.empty() ? std::string("-") : c.date_after), "gap pp");
  for (const TrackerRow& r : c.rows) {
    std::string name = r.group;
    for (const auto& [group, label] : kGroups) {
      if (group == r.group) name = label;
    }
    if (r.group == "all") name = "All";
    const std::string& members = r.members;
    out += fmt::format(
        "{:<13} {:<40} {:>11.1f} {:>8}{} {:>15} {:>15} {:>7}\n", name, members,
        r.imports_2024_usd / 1e9, Pct(r.model_rate),
        reference ? fmt::format(" {:>10}", Pct(r.model_reference_rate.value_or(0.0))) : "",
        r.tracker_before ? Pct(*r.tracker_before) : "-",
        r.tracker_after ? Pct(*r.tracker_after) : "-",
        r.tracker_before ? fmt::format("{:+.1f}", 100.0 * r.gap()) : "-");
  }
  for (const std::string& note : c.notes) out += "Note: " + note + "\n";
  out +=
      "Gap: ricardo minus Yale on the earlier date; docs/tracker-comparison.md explains every gap "
      "over 2 points.\n";
  return out;
}

}  // namespace ricardo
