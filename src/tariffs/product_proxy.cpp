// Proxy import weights for partners without HTS10 data, and 2024 US imports by country
// (PROVENANCE.md, D12–D13). Three files, present together or not at all:
//   us_imports_2024_gtap_groups.csv  gtap,<group>,…     US$ 2024 by GTAP goods sector and group
//   hts10_gtap.csv.gz                hts10,gtap,via     the GTAP sector of each HTS10 line
//   us_imports_2024_by_country.csv   iso3,census_code,name,eu27,group,imports_2024_usd
#include <algorithm>

#include "data/csv.hpp"
#include "data/gzip_text.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "tariffs/product_data.hpp"
#include "tariffs/text_files.hpp"

namespace ricardo {
namespace {

bool LowerCode(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool Iso3(std::string_view s) {
  return s.size() == 3 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::size_t IndexOf(const std::vector<std::string>& names, std::string_view name) {
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

// Whether a region code other than ROW claims a country: its ISO3 code, or EU27 for a member.
bool Claims(std::string_view region, const ProductData::Country& country) {
  return region == country.iso3 || (region == "EU27" && country.eu27);
}

}  // namespace

void ProductData::LoadProxyInputs(const std::filesystem::path& directory) {
  const auto groups_file = directory / "us_imports_2024_gtap_groups.csv";
  const auto gtap_file = directory / "hts10_gtap.csv.gz";
  const auto countries_file = directory / "us_imports_2024_by_country.csv";
  const std::filesystem::path files[] = {groups_file, gtap_file, countries_file};
  const auto present = std::count_if(std::begin(files), std::end(files),
                                     [](const auto& f) { return std::filesystem::exists(f); });
  if (present == 0) return;
  for (const auto& f : files) {
    if (!std::filesystem::exists(f)) {
      throw NotFoundError(
          Location{f.string(), 0, 0, ""},
          "file not found: the proxy import weights need us_imports_2024_gtap_groups.csv, "
          "hts10_gtap.csv.gz and us_imports_2024_by_country.csv together",
          "rebuild the data with data/tariffs/build_product_data.py");
    }
  }

  // 2024 US imports by GTAP goods sector (rows) and partner group (columns).
  data_internal::ForEachLine(groups_file, [&](long line, std::string_view text) {
    const auto fields = data_internal::SplitCsv(text, groups_file, line);
    if (line == 1) {
      if (fields.size() < 2 || fields[0] != "gtap") {
        throw DataError(Location{groups_file.string(), 1, 1, ""},
                        fmt::format("unexpected header '{}'", text),
                        "expected 'gtap' and then one column per partner group");
      }
      for (std::size_t k = 1; k < fields.size(); ++k) {
        if (!LowerCode(fields[k]) || IndexOf(groups_, fields[k]) < groups_.size()) {
          throw DataError(Location{groups_file.string(), 1, static_cast<long>(k + 1), ""},
                          fmt::format("'{}' is not a new lower-case group name", fields[k]));
        }
        groups_.push_back(fields[k]);
      }
      group_imports_.resize(groups_.size());
      return;
    }
    if (fields.size() != groups_.size() + 1) {
      throw DataError(
          Location{groups_file.string(), line, 1, ""},
          fmt::format("expected {} fields: gtap and one value per group", groups_.size() + 1));
    }
    if (!LowerCode(fields[0]) || IndexOf(gtap_sectors_, fields[0]) < gtap_sectors_.size()) {
      throw DataError(Location{groups_file.string(), line, 1, ""},
                      fmt::format("'{}' is not a new lower-case GTAP sector code", fields[0]));
    }
    gtap_sectors_.push_back(fields[0]);
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      const double value =
          detail::ParseNumber(fields[g + 1], groups_file, line, static_cast<long>(g + 2));
      if (value < 0.0) {
        throw DataError(Location{groups_file.string(), line, static_cast<long>(g + 2), ""},
                        fmt::format("imports {} are negative", fields[g + 1]));
      }
      group_imports_[g].push_back(value);
    }
  });

  // HTS10 → GTAP sector.
  gtap_of_.assign(codes_.size(), -1);
  data_internal::ForEachLine(gtap_file, [&](long line, std::string_view text) {
    if (line == 1) return detail::ExpectHeader(text, "hts10,gtap,via", gtap_file);
    const auto fields = data_internal::SplitCsv(text, gtap_file, line);
    if (fields.size() != 3) {
      throw DataError(Location{gtap_file.string(), line, 1, ""},
                      "expected 3 fields: hts10,gtap,via");
    }
    const auto [first, last] = PrefixRange(fields[0]);
    if (fields[0].size() != 10 || first == last || codes_[first] != fields[0]) {
      throw DataError(Location{gtap_file.string(), line, 1, ""},
                      fmt::format("'{}' is not a known HTS10 number", fields[0]),
                      "rebuild the data with data/tariffs/build_product_data.py");
    }
    const std::size_t sector = IndexOf(gtap_sectors_, fields[1]);
    if (sector == gtap_sectors_.size()) {
      throw DataError(
          Location{gtap_file.string(), line, 2, ""},
          fmt::format("GTAP sector '{}' is not in us_imports_2024_gtap_groups.csv", fields[1]));
    }
    if (fields[2] != "hs10" && fields[2] != "hs6") {
      throw DataError(
          Location{gtap_file.string(), line, 3, ""},
          fmt::format("'{}' is neither hs10 (a crosswalk row) nor hs6 (its HS6's sector)",
                      fields[2]));
    }
    if (gtap_of_[first] >= 0) {
      throw DataError(Location{gtap_file.string(), line, 1, ""},
                      fmt::format("HTS {} is listed twice", fields[0]));
    }
    gtap_of_[first] = static_cast<std::int16_t>(sector);
  });

  // 2024 US imports by country.
  data_internal::ForEachLine(countries_file, [&](long line, std::string_view text) {
    if (line == 1) {
      return detail::ExpectHeader(text, "iso3,census_code,name,eu27,group,imports_2024_usd",
                                  countries_file);
    }
    auto fields = data_internal::SplitCsv(text, countries_file, line);
    if (fields.size() != 6) {
      throw DataError(Location{countries_file.string(), line, 1, ""},
                      "expected 6 fields: iso3,census_code,name,eu27,group,imports_2024_usd");
    }
    if (!Iso3(fields[0]) || FindCountry(fields[0])) {
      throw DataError(Location{countries_file.string(), line, 1, ""},
                      fmt::format("'{}' is not a new three-letter upper-case ISO code", fields[0]));
    }
    if (fields[3] != "0" && fields[3] != "1") {
      throw DataError(
          Location{countries_file.string(), line, 4, ""},
          fmt::format("eu27 is '{}'; write 1 for an EU member state, else 0", fields[3]));
    }
    if (IndexOf(groups_, fields[4]) == groups_.size()) {
      throw DataError(
          Location{countries_file.string(), line, 5, ""},
          fmt::format("group '{}' is not a column of us_imports_2024_gtap_groups.csv", fields[4]));
    }
    const double value = detail::ParseNumber(fields[5], countries_file, line, 6);
    if (value < 0.0) {
      throw DataError(Location{countries_file.string(), line, 6, ""},
                      fmt::format("imports {} are negative", fields[5]));
    }
    Country country{std::move(fields[0]), std::move(fields[1]), std::move(fields[2]),
                    std::move(fields[4]), fields[3] == "1",     value};
    // Kept sorted as read, so FindCountry can check for duplicates above.
    countries_.insert(
        std::upper_bound(countries_.begin(), countries_.end(), country,
                         [](const Country& a, const Country& b) { return a.iso3 < b.iso3; }),
        std::move(country));
  });
}

const ProductData::Country* ProductData::FindCountry(std::string_view iso3) const {
  const auto it =
      std::lower_bound(countries_.begin(), countries_.end(), iso3,
                       [](const Country& c, std::string_view key) { return c.iso3 < key; });
  return it != countries_.end() && it->iso3 == iso3 ? &*it : nullptr;
}

double ProductData::GroupImports2024(std::string_view group, std::size_t gtap_sector) const {
  const std::size_t g = IndexOf(groups_, group);
  return g < groups_.size() && gtap_sector < gtap_sectors_.size() ? group_imports_[g][gtap_sector]
                                                                  : 0.0;
}

std::vector<detail::GroupShare> ProductData::RegionGroups(
    std::string_view region, const std::vector<std::string>& regions) const {
  std::vector<double> mine(groups_.size(), 0.0), all(groups_.size(), 0.0);
  for (const Country& country : countries_) {
    const std::size_t g = IndexOf(groups_, country.group);
    all[g] += country.imports_2024_usd;
    const bool claimed = region == "ROW"
                             ? std::none_of(regions.begin(), regions.end(),
                                            [&](const std::string& other) {
                                              return other != "ROW" && Claims(other, country);
                                            })
                             : Claims(region, country);
    if (claimed) mine[g] += country.imports_2024_usd;
  }
  std::vector<detail::GroupShare> out;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    if (mine[g] <= 0.0) continue;
    double total = 0.0;
    for (double v : group_imports_[g]) total += v;
    const double fraction = mine[g] / all[g];
    out.push_back({groups_[g], fraction, fraction * total});
  }
  return out;
}

std::shared_ptr<const detail::WeightSet> ProductData::ProxyWeights(
    std::string_view region, const std::vector<std::string>& regions) const {
  if (RegionGroups(region, regions).empty()) return nullptr;
  return derived_cache_.ProxyWeights({std::string(region), regions},
                                     [&] { return ComputeProxyWeights(region, regions); });
}

detail::WeightSet ProductData::ComputeProxyWeights(std::string_view region,
                                                   const std::vector<std::string>& regions) const {
  detail::WeightSet out;
  out.groups = RegionGroups(region, regions);
  const std::size_t sectors = gtap_sectors_.size();
  std::vector<double> sector_value(sectors, 0.0);  // the region's 2024 imports by GTAP sector
  for (const auto& share : out.groups) {
    const std::size_t g = IndexOf(groups_, share.group);
    for (std::size_t s = 0; s < sectors; ++s)
      sector_value[s] += share.fraction * group_imports_[g][s];
  }
  // The composition within a sector: pooled 2025 US imports from Canada and Mexico.
  std::vector<double> pooled(codes_.size(), 0.0);
  for (std::size_t m = 0; m < months_.size(); ++m) {
    if (months_[m].compare(0, 4, "2025") != 0) continue;
    for (const auto& partner : imports_) {
      for (const ImportLine& line : partner[m]) pooled[line.code] += line.value_usd;
    }
  }
  std::vector<double> sector_pooled(sectors, 0.0);
  std::vector<std::size_t> sector_lines(sectors, 0);
  for (std::size_t c = 0; c < codes_.size(); ++c) {
    if (gtap_of_[c] < 0) continue;
    sector_pooled[static_cast<std::size_t>(gtap_of_[c])] += pooled[c];
    ++sector_lines[static_cast<std::size_t>(gtap_of_[c])];
  }
  for (std::size_t c = 0; c < codes_.size(); ++c) {
    if (gtap_of_[c] < 0) continue;
    const auto s = static_cast<std::size_t>(gtap_of_[c]);
    const double share = sector_pooled[s] > 0.0 ? pooled[c] / sector_pooled[s]
                                                : 1.0 / static_cast<double>(sector_lines[s]);
    if (const double value = sector_value[s] * share; value > 0.0) {
      out.lines.push_back({static_cast<std::uint32_t>(c), value, 0.0});
    }
  }

  std::vector<std::string> groups, equal;
  for (const auto& share : out.groups) {
    groups.push_back(fmt::format("{:.1f}% of group '{}' (US${:.1f} billion)",
                                 100.0 * share.fraction, share.group,
                                 share.imports_2024_usd / 1e9));
  }
  double unplaced = 0.0;
  for (std::size_t s = 0; s < sectors; ++s) {
    if (sector_value[s] <= 0.0 || sector_pooled[s] > 0.0) continue;
    if (sector_lines[s] == 0) {
      unplaced += sector_value[s];
    } else {
      equal.push_back(fmt::format("{} ({} line{})", gtap_sectors_[s], sector_lines[s],
                                  sector_lines[s] == 1 ? "" : "s"));
    }
  }
  out.description = fmt::format(
      "2024 US imports from {} (Census via the Yale Budget Lab, {} GTAP goods sectors): {}; within "
      "each sector "
      "spread over HTS10 lines in proportion to pooled 2025 US imports from Canada and Mexico (a "
      "proxy composition)",
      region, sectors, fmt::join(groups, ", "));
  if (!equal.empty())
    out.description += fmt::format("; spread equally where Canada and Mexico sell none: {}",
                                   fmt::join(equal, ", "));
  if (unplaced > 0.0)
    out.description +=
        fmt::format("; US${:.3f} billion in sectors with no HTS10 line left out", unplaced / 1e9);
  return out;
}

}  // namespace ricardo
