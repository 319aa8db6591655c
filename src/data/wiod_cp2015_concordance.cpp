// Caliendo–Parro's θ and tariffs carried to WIOD's industries and regions. Both classifications
// are ISIC Rev.3 based, so a WIOD industry takes the CP sectors that share a division with it.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/wiod.hpp"
#include "ricardo/wiod_industries.hpp"

namespace ricardo::wiod {
namespace {

constexpr std::size_t kCpTradable = cp2015::kTradableSectors;

bool Intersect(const std::vector<int>& a, const std::vector<int>& b) {
  for (int x : a) {
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  }
  return false;
}

// CP tradable sectors sharing an ISIC division with each of the 16 WIOD goods industries.
std::vector<std::vector<std::size_t>> CpSectorsOfIndustries(const std::vector<Sector>& cp) {
  std::vector<std::vector<std::size_t>> out(kIndustries.size());
  for (std::size_t w = 0; w < kIndustries.size(); ++w) {
    if (!kIndustries[w].goods) continue;
    const auto divisions = ParseIsicDivisions(std::string(kIndustries[w].isic_rev3));
    for (std::size_t s = 0; s < kCpTradable; ++s) {
      if (Intersect(divisions, ParseIsicDivisions(cp[s].isic_rev3))) out[w].push_back(s);
    }
    if (out[w].empty()) {
      throw InternalError(
          fmt::format("WIOD industry {} matches no Caliendo–Parro sector", kIndustries[w].code));
    }
  }
  return out;
}

const std::set<std::string>& EuMembers2011() {
  static const std::set<std::string> eu = {"AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DNK",
                                           "ESP", "EST", "FIN", "FRA", "GBR", "GRC", "HUN",
                                           "IRL", "ITA", "LTU", "LUX", "LVA", "MLT", "NLD",
                                           "POL", "PRT", "ROU", "SVK", "SVN", "SWE"};
  return eu;
}

}  // namespace

std::vector<int> ParseIsicDivisions(const std::string& text) {
  std::vector<int> out;
  std::size_t pos = 0;
  auto bad = [&] {
    return ArgumentError(fmt::format("'{}' is not a list of ISIC Rev.3 divisions", text),
                         "write two-digit divisions and ranges, e.g. \"01,02,05\" or \"27-28\"");
  };
  auto number = [&]() -> int {
    std::size_t start = pos;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos == start || pos - start > 2) throw bad();
    return std::stoi(text.substr(start, pos - start));
  };
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    const int first = number();
    int last = first;
    if (pos < text.size() && text[pos] == '-') {
      ++pos;
      last = number();
    }
    if (last < first) throw bad();
    for (int d = first; d <= last; ++d) out.push_back(d);
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos < text.size()) {
      if (text[pos] != ',') throw bad();
      ++pos;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string FormatIsicDivisions(std::vector<int> divisions) {
  std::sort(divisions.begin(), divisions.end());
  divisions.erase(std::unique(divisions.begin(), divisions.end()), divisions.end());
  std::string out;
  for (std::size_t k = 0; k < divisions.size();) {
    std::size_t end = k;
    while (end + 1 < divisions.size() && divisions[end + 1] == divisions[end] + 1) ++end;
    if (!out.empty()) out += ",";
    out += end == k ? fmt::format("{:02d}", divisions[k])
                    : fmt::format("{:02d}-{:02d}", divisions[k], divisions[end]);
    k = end + 1;
  }
  return out;
}

std::vector<double> ThetaFromCp2015(const cp2015::RawData& raw, std::vector<std::string>* notes,
                                    std::vector<double>* theta_se) {
  const std::vector<Sector> cp = cp2015::Sectors(raw);
  const auto members = CpSectorsOfIndustries(cp);
  const std::size_t N = cp2015::kCountries;
  std::vector<double> world_trade(kCpTradable, 0.0);
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t s = 0; s < kCpTradable; ++s) {
        world_trade[s] += raw.imports_1993_thousand_usd(n, i, s);
      }
  std::vector<double> theta(kIndustries.size(), cp2015::kNonTradableTheta);
  if (theta_se) theta_se->assign(kIndustries.size(), raw.substitute_theta_se);
  for (std::size_t w = 0; w < kIndustries.size(); ++w) {
    if (members[w].empty()) continue;
    double weighted = 0.0, total = 0.0, variance = 0.0;
    std::string parts;
    for (std::size_t s : members[w]) {
      weighted += world_trade[s] * cp[s].theta;
      total += world_trade[s];
      parts += fmt::format("{}{} {:.4g}", parts.empty() ? "" : ", ", cp[s].code, cp[s].theta);
    }
    // One CP sector: its θ exactly; several: the trade-weighted mean, whose standard error is
    // that of a weighted sum of independent estimates (each sector has its own regression).
    const bool single = members[w].size() == 1 || !(total > 0.0);
    theta[w] = single ? cp[members[w].front()].theta : weighted / total;
    // Members at the authors' substitute 8.22 (auto, other transport) share one value, not
    // independent estimates: their weights add before squaring.
    double substitute_weight = 0.0;
    for (std::size_t s : members[w]) {
      const double weight = world_trade[s] / total;
      if (cp[s].theta == cp2015::kNonTradableTheta) {
        substitute_weight += weight;
      } else {
        variance += weight * weight * cp[s].theta_se * cp[s].theta_se;
      }
    }
    variance +=
        substitute_weight * substitute_weight * raw.substitute_theta_se * raw.substitute_theta_se;
    if (theta_se) (*theta_se)[w] = single ? cp[members[w].front()].theta_se : std::sqrt(variance);
    if (notes && members[w].size() > 1) {
      notes->push_back(
          fmt::format("theta of {} = {:.4f}: world-trade-weighted mean (1993) of "
                      "Caliendo–Parro {}",
                      kIndustries[w].code, theta[w], parts));
    }
  }
  return theta;
}

std::string Cp2015Proxy(const std::string& code) {
  for (const auto& r : cp2015::Regions()) {
    if (r.code == code) return code;
  }
  // Benelux: the Netherlands; members of 2004/2007: Hungary, a member since 2004, whose 2005
  // tariffs already are the EU's common external tariff.
  if (code == "BEL" || code == "LUX") return "NLD";
  if (EuMembers2011().count(code)) return "HUN";
  return "ROW";
}

Array3 TariffsFromCp2015(const cp2015::RawData& raw, const std::vector<Region>& regions,
                         std::vector<std::string>* notes) {
  const std::vector<Sector> cp = cp2015::Sectors(raw);
  const auto members = CpSectorsOfIndustries(cp);
  const std::size_t NC = cp2015::kCountries;
  std::map<std::string, std::size_t> cp_index;
  for (std::size_t k = 0; k < NC; ++k) cp_index[cp2015::Regions()[k].code] = k;
  const std::size_t cp_row = cp_index.at("ROW");

  std::vector<double> world_trade(kCpTradable, 0.0);
  for (std::size_t n = 0; n < NC; ++n)
    for (std::size_t i = 0; i < NC; ++i)
      for (std::size_t s = 0; s < kCpTradable; ++s) {
        world_trade[s] += raw.imports_1993_thousand_usd(n, i, s);
      }
  // ROW's trade-weighted applied tariff on imports from CP's other countries, per CP sector.
  std::vector<double> row_average(kCpTradable, 0.0);
  for (std::size_t s = 0; s < kCpTradable; ++s) {
    double weighted = 0.0, total = 0.0;
    for (std::size_t i = 0; i < NC; ++i) {
      if (i == cp_row) continue;
      weighted +=
          raw.tariffs_2005_percent(cp_row, i, s) * raw.imports_1993_thousand_usd(cp_row, i, s);
      total += raw.imports_1993_thousand_usd(cp_row, i, s);
    }
    row_average[s] = total > 0.0 ? weighted / total / 100.0 : 0.0;
  }
  auto rate = [&](std::size_t p, std::size_t q, std::size_t s) {
    return p == cp_row && q == cp_row ? row_average[s] : raw.tariffs_2005_percent(p, q, s) / 100.0;
  };

  const std::size_t N = regions.size(), J = kIndustries.size();
  Array3 out(N, N, J);
  std::vector<std::size_t> proxy(N);
  for (std::size_t n = 0; n < N; ++n) {
    const std::string p = Cp2015Proxy(regions[n].code);
    proxy[n] = cp_index.at(p);
    if (notes && p != regions[n].code) {
      notes->push_back(
          fmt::format("tariffs of {} (as importer and exporter) are those of "
                      "Caliendo–Parro's {}",
                      regions[n].code, p));
    }
  }
  const auto& eu = EuMembers2011();
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i) {
      if (i == n) continue;
      if (eu.count(regions[n].code) && eu.count(regions[i].code)) continue;  // customs union
      const std::size_t p = proxy[n], q = proxy[i];
      for (std::size_t w = 0; w < J; ++w) {
        if (members[w].empty()) continue;  // services: no tariffs
        double weighted = 0.0, total = 0.0;
        for (std::size_t s : members[w]) {
          const double weight = raw.imports_1993_thousand_usd(p, q, s);
          weighted += weight * rate(p, q, s);
          total += weight;
        }
        if (!(total > 0.0)) {  // the pair did not trade these goods in 1993: world weights
          weighted = total = 0.0;
          for (std::size_t s : members[w]) {
            weighted += world_trade[s] * rate(p, q, s);
            total += world_trade[s];
          }
        }
        out(n, i, w) = total > 0.0 ? weighted / total : 0.0;
      }
    }
  return out;
}

}  // namespace ricardo::wiod
