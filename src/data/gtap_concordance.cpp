// GTAP → WIOD concordance from product data (see include/ricardo/gtap_concordance.hpp).
#include "ricardo/gtap_concordance.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>

#include "data/csv.hpp"
#include "data/table_binding.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/scenario.hpp"
#include "ricardo/wiod.hpp"
#include "ricardo/wiod_industries.hpp"
#include "tariffs/product_data.hpp"

namespace ricardo {
namespace {

using data_internal::BoundTable;
constexpr std::size_t J = wiod::kIndustries.size();
// The compiler weights products by these imports; a year of them splits a GTAP sector.
constexpr std::string_view kWeightYear = "2025";

// ISIC Rev.3 division → industry index, the first industry listing it winning (as the
// compiler's sector map does); -1 where none does.
std::vector<int> IndustryOfDivision() {
  std::vector<int> of(100, -1);
  for (std::size_t j = 0; j < J; ++j) {
    for (int d : wiod::ParseIsicDivisions(std::string(wiod::kIndustries[j].isic_rev3))) {
      if (d >= 0 && d < 100 && of[static_cast<std::size_t>(d)] < 0)
        of[static_cast<std::size_t>(d)] = static_cast<int>(j);
    }
  }
  return of;
}

// The product-data index standing for an HTS10 line: the line itself, else the first code of
// its HS6 subheading (divisions are set per HS6 or coarser, so every code under it shares one).
std::optional<std::size_t> ProductIndex(const ProductData& p, const std::string& hs10) {
  const auto [first, last] = p.PrefixRange(hs10);
  if (first < last && p.code(first) == hs10) return first;
  const auto [first6, last6] = p.PrefixRange(hs10.substr(0, 6));
  if (first6 < last6) return first6;
  return std::nullopt;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::optional<std::size_t> IndustryIndex(const std::string& code) {
  for (std::size_t j = 0; j < J; ++j) {
    if (wiod::kIndustries[j].code == code) return j;
  }
  return std::nullopt;
}

}  // namespace

std::vector<double> GtapConcordance::SharesOf(const std::string& gtap) const {
  if (!std::binary_search(gtap_codes.begin(), gtap_codes.end(), gtap)) {
    throw ArgumentError(fmt::format("GTAP sector '{}' is not in the concordance", gtap),
                        "use one of the crosswalk's lower-case GTAP codes");
  }
  std::vector<double> shares(J, 0.0);
  for (const GtapSplit& s : splits) {
    if (s.gtap == gtap) shares[*IndustryIndex(s.sector)] = s.share;
  }
  return shares;
}

GtapConcordance DeriveGtapConcordance(const GtapConcordanceSources& sources) {
  const auto products = sources.product_directory.empty()
                            ? ShippedProductData()
                            : LoadProductData(sources.product_directory);
  const ProductData& p = *products;
  const std::string file = sources.crosswalk_file.filename().string();
  if (!std::filesystem::exists(sources.crosswalk_file)) {  // ReadCsvFile refuses pipes
    throw NotFoundError(Location{sources.crosswalk_file.string(), 0, 0, ""},
                        "the HS10 → GTAP crosswalk was not found",
                        "give ../shared/data/world/concordance/yale_hs10_gtap_crosswalk.csv");
  }
  const BoundTable t(data_internal::ReadCsvFile(sources.crosswalk_file, file),
                     {{"hs10"}, {"hs6_code"}, {"gtap_code"}, {"description", false}});

  // Import weight of every product code: US imports from CAN and MEX over the year's months.
  std::vector<double> weight(p.code_count(), 0.0);
  std::string first_month, last_month;
  for (std::size_t m = 0; m < p.months().size(); ++m) {
    if (p.months()[m].substr(0, 4) != kWeightYear) continue;
    if (first_month.empty()) first_month = p.months()[m];
    last_month = p.months()[m];
    for (auto partner : {ProductData::kCanada, ProductData::kMexico}) {
      for (const auto& line : p.Imports(partner, m)) weight[line.code] += line.value_usd;
    }
  }
  if (first_month.empty()) {
    throw DataError(Location{p.directory().string(), 0, 0, ""},
                    fmt::format("the product data hold no import month of {}", kWeightYear),
                    "rebuild data/tariffs with the 2025 import files");
  }

  const std::vector<int> industry_of = IndustryOfDivision();
  struct Cell {
    double weight_usd = 0.0;
    int lines = 0;
  };
  std::map<std::string, std::vector<Cell>> cells;  // GTAP code → per industry
  std::size_t unmapped_lines = 0, chapter98_lines = 0;
  double unmapped_usd = 0.0;
  std::string unmapped_examples;
  for (const auto& r : t.records()) {
    const std::string gtap = Lower(t.Text(r, "gtap_code"));
    const std::string hs10 = t.Text(r, "hs10");
    if (gtap == "na") {  // chapter 98/99 special provisions: no GTAP sector, none in the table
      ++chapter98_lines;
      continue;
    }
    if (hs10.size() != 10 ||
        !std::all_of(hs10.begin(), hs10.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      throw DataError(t.At(r, "hs10"), fmt::format("'{}' is not a ten-digit HTS number", hs10),
                      "the crosswalk lists HTS10 lines such as 0101210010");
    }
    auto& row = cells[gtap];
    row.resize(J);
    const auto index = ProductIndex(p, hs10);
    const int division = index ? p.Division(*index) : -1;
    const int j =
        division >= 0 && division < 100 ? industry_of[static_cast<std::size_t>(division)] : -1;
    const double w = index && p.code(*index) == hs10 ? weight[*index] : 0.0;
    if (j < 0) {
      ++unmapped_lines;
      unmapped_usd += w;
      if (unmapped_lines <= 5) unmapped_examples += (unmapped_examples.empty() ? "" : ", ") + hs10;
      continue;
    }
    row[static_cast<std::size_t>(j)].weight_usd += w;
    row[static_cast<std::size_t>(j)].lines += 1;
  }

  GtapConcordance out;
  out.weight_months = first_month + ".." + last_month;
  std::vector<std::string> equal;
  for (const auto& [gtap, row] : cells) {
    out.gtap_codes.push_back(gtap);
    double total_usd = 0.0;
    int total_lines = 0;
    for (const Cell& c : row) {
      total_usd += c.weight_usd;
      total_lines += c.lines;
    }
    if (total_lines == 0) {
      throw DataError(Location{file, 0, 0, ""},
                      fmt::format("no line of GTAP sector '{}' maps to a WIOD industry", gtap),
                      "check the crosswalk and the product data's HS → ISIC divisions");
    }
    const bool by_lines = total_usd <= 0.0;
    if (by_lines) equal.push_back(gtap);
    for (std::size_t j = 0; j < J; ++j) {
      if (row[j].lines == 0) continue;
      const double share = by_lines ? static_cast<double>(row[j].lines) / total_lines
                                    : row[j].weight_usd / total_usd;
      if (share <= 0.0) continue;
      out.splits.push_back({gtap, std::string(wiod::kIndustries[j].code), share, row[j].weight_usd,
                            row[j].lines, by_lines});
    }
  }
  out.notes.push_back(
      fmt::format("{} chapter 98/99 lines of the crosswalk have no GTAP sector and "
                  "are left out",
                  chapter98_lines));
  if (unmapped_lines > 0) {
    out.notes.push_back(fmt::format(
        "{} lines map to no WIOD industry (no product-data division): "
        "left out, US$ {:.1f} million of 2025 CAN+MEX imports ({}{})",
        unmapped_lines, unmapped_usd / 1e6, unmapped_examples, unmapped_lines > 5 ? ", ..." : ""));
  }
  if (!equal.empty()) {
    std::string list;
    for (const auto& g : equal) list += (list.empty() ? "" : ", ") + g;
    out.notes.push_back(
        fmt::format("no {} CAN+MEX imports in GTAP sector(s) {}: their lines count "
                    "equally",
                    kWeightYear, list));
  }
  return out;
}

std::string GtapConcordanceCsv(const GtapConcordance& c) {
  using data_internal::CsvLine;
  using data_internal::ExactNumber;
  std::string out =
      CsvLine({"gtap", "sector", "wiod_code", "share", "weight_usd", "hts10_lines", "weights"});
  for (const GtapSplit& s : c.splits) {
    const auto j = *IndustryIndex(s.sector);
    out += CsvLine({s.gtap, s.sector, std::string(wiod::kIndustries[j].wiod_code),
                    ExactNumber(s.share), fmt::format("{:.0f}", s.weight_usd),
                    std::to_string(s.hts10_lines), s.equal_line_weights ? "lines" : "imports"});
  }
  return out;
}

GtapConcordance ReadGtapConcordanceCsv(const std::filesystem::path& path) {
  const std::string file = path.filename().string();
  if (!std::filesystem::exists(path)) {  // a pipe, a device: ReadCsvFile refuses
    throw NotFoundError(Location{path.string(), 0, 0, ""}, "concordance file not found",
                        "the project ships data/concordance/gtap_to_wiod35.csv");
  }
  const BoundTable t(data_internal::ReadCsvFile(path, file), {{"gtap"},
                                                              {"sector"},
                                                              {"wiod_code"},
                                                              {"share"},
                                                              {"weight_usd"},
                                                              {"hts10_lines"},
                                                              {"weights"}});
  GtapConcordance out;
  for (const auto& r : t.records()) {
    GtapSplit s;
    s.gtap = t.Text(r, "gtap");
    s.sector = t.Text(r, "sector");
    if (!IndustryIndex(s.sector)) {
      throw DataError(t.At(r, "sector"), fmt::format("unknown WIOD industry '{}'", s.sector),
                      "use ricardo's industry codes (agriculture, mining, ...)");
    }
    s.share = t.Number(r, "share");
    s.weight_usd = t.Number(r, "weight_usd");
    s.hts10_lines = static_cast<int>(t.Number(r, "hts10_lines"));
    s.equal_line_weights = t.Text(r, "weights") == "lines";
    if (out.gtap_codes.empty() || out.gtap_codes.back() != s.gtap) out.gtap_codes.push_back(s.gtap);
    out.splits.push_back(std::move(s));
  }
  std::sort(out.gtap_codes.begin(), out.gtap_codes.end());
  out.gtap_codes.erase(std::unique(out.gtap_codes.begin(), out.gtap_codes.end()),
                       out.gtap_codes.end());
  return out;
}

}  // namespace ricardo
