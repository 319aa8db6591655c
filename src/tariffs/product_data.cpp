#include "tariffs/product_data.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <set>

#include "data/csv.hpp"
#include "data/gzip_text.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/paths.hpp"
#include "tariffs/text_files.hpp"

namespace ricardo {
using detail::AllDigits;
using detail::ExpectHeader;
using detail::ParseNumber;

std::pair<std::size_t, std::size_t> ProductData::PrefixRange(std::string_view prefix) const {
  const auto first =
      std::lower_bound(codes_.begin(), codes_.end(), prefix,
                       [](const std::string& a, std::string_view b) { return a < b; });
  auto last = first;
  while (last != codes_.end() && std::string_view(*last).substr(0, prefix.size()) == prefix) ++last;
  return {static_cast<std::size_t>(first - codes_.begin()),
          static_cast<std::size_t>(last - codes_.begin())};
}

bool ProductData::IsKnownPrefix(std::string_view prefix) const {
  const auto [first, last] = PrefixRange(prefix);
  if (first != last) return true;
  return std::binary_search(headings_.begin(), headings_.end(), std::string(prefix));
}

std::vector<std::string> ProductData::PrefixesOfLength(std::size_t digits) const {
  std::set<std::string> out;
  for (const std::string& c : codes_) {
    if (c.size() >= digits) out.insert(c.substr(0, digits));
  }
  for (const std::string& h : headings_) {
    if (h.size() == digits) out.insert(h);
  }
  return {out.begin(), out.end()};
}

std::optional<std::size_t> ProductData::FindList(std::string_view name) const {
  for (std::size_t k = 0; k < list_names_.size(); ++k) {
    if (list_names_[k] == name) return k;
  }
  return std::nullopt;
}

// Lines of the 2025 schedule the content table (an older HTS edition) lacks take the mean share of
// the known lines of their HTS8, else HS6, else HS4 (PROVENANCE.md, D16): 3004.90.92.36, a
// medicament line new in 2025, gets its HTS8 siblings' 0.12% steel, not the flat 50% that the
// Section 232 derivative inclusions of 2025-08-18 (which name the HTS8) would otherwise charge.
void ProductData::FillContentFromSiblings() {
  const std::size_t n = codes_.size();
  // Means over the lines the table has, not over lines an earlier pass filled.
  std::vector<char> own(n);
  for (std::size_t c = 0; c < n; ++c) own[c] = !std::isnan(steel_[c]);
  // codes_ is sorted, so the lines sharing a prefix are one run of it.
  for (std::size_t digits : {8, 6, 4}) {
    for (std::size_t first = 0; first < n;) {
      const std::string_view prefix = std::string_view(codes_[first]).substr(0, digits);
      std::size_t last = first;
      double steel = 0.0, aluminum = 0.0, copper = 0.0, known = 0.0;
      for (; last < n && std::string_view(codes_[last]).substr(0, digits) == prefix; ++last) {
        if (!own[last]) continue;
        steel += steel_[last];
        aluminum += aluminum_[last];
        copper += copper_[last];
        known += 1.0;
      }
      for (std::size_t c = first; known > 0.0 && c < last; ++c) {
        if (!std::isnan(steel_[c]) || codes_[c].size() < digits) continue;
        steel_[c] = steel / known;
        aluminum_[c] = aluminum / known;
        copper_[c] = copper / known;
      }
      first = last;
    }
  }
}

double ProductData::Content(std::size_t code, ContentBasis basis, bool* known) const {
  const double steel = steel_[code], aluminum = aluminum_[code], copper = copper_[code];
  const bool have = !std::isnan(steel);
  if (known) *known = have || basis == ContentBasis::kFullValue;
  switch (basis) {
    case ContentBasis::kFullValue: return 1.0;
    case ContentBasis::kSteel: return have ? steel : 0.5;
    case ContentBasis::kAluminum: return have ? aluminum : 0.5;
    case ContentBasis::kCopper: return have ? copper : 0.5;
    case ContentBasis::kMetal: return have ? std::min(1.0, steel + aluminum + copper) : 0.5;
  }
  return 1.0;
}

const char* ProductData::DivisionSource(std::size_t code) const {
  static const char* kNames[] = {"", "hs6", "hs4", "hs2", "override"};
  return kNames[division_source_[code]];
}

std::string ProductData::Description(std::size_t code) const {
  for (std::size_t digits : {6, 4, 2}) {
    const std::string key = codes_[code].substr(0, digits);
    const auto it = std::lower_bound(headings_.begin(), headings_.end(), key);
    if (it != headings_.end() && *it == key) {
      return heading_descriptions_[static_cast<std::size_t>(it - headings_.begin())];
    }
  }
  return {};
}

std::shared_ptr<const ProductData> ProductData::Load(const std::filesystem::path& directory) {
  if (!std::filesystem::is_directory(directory)) {
    throw NotFoundError(Location{directory.string(), 0, 0, ""}, "product data directory not found",
                        "set RICARDO_DATA_DIR to ricardo's data/ folder");
  }
  auto data = std::make_shared<ProductData>();
  data->directory_ = directory;

  // Codes.
  const auto codes_file = directory / "hts_codes.txt";
  data_internal::ForEachLine(codes_file, [&](long line, std::string_view text) {
    if (text.empty() || text[0] == '#') return;
    if (!AllDigits(text) || (text.size() != 8 && text.size() != 10)) {
      throw DataError(Location{codes_file.string(), line, 1, ""},
                      fmt::format("'{}' is not an 8- or 10-digit HTS number", text));
    }
    data->codes_.emplace_back(text);
  });
  std::sort(data->codes_.begin(), data->codes_.end());
  data->codes_.erase(std::unique(data->codes_.begin(), data->codes_.end()), data->codes_.end());
  const std::size_t n = data->codes_.size();

  // Descriptions of HS2/HS4/HS6 headings.
  const auto desc_file = directory / "hs_descriptions.csv";
  std::vector<std::pair<std::string, std::string>> headings;
  data_internal::ForEachLine(desc_file, [&](long line, std::string_view text) {
    if (line == 1) return ExpectHeader(text, "code,description", desc_file);
    auto fields = data_internal::SplitCsv(text, desc_file, line);
    if (fields.size() != 2 || !AllDigits(fields[0])) {
      throw DataError(Location{desc_file.string(), line, 1, ""}, "expected 'code,description'");
    }
    headings.emplace_back(std::move(fields[0]), std::move(fields[1]));
  });
  std::sort(headings.begin(), headings.end());
  for (auto& [code, text] : headings) {
    data->headings_.push_back(code);
    data->heading_descriptions_.push_back(std::move(text));
  }

  // Product lists.
  const auto lists_file = directory / "product_lists.csv";
  std::map<std::string, std::size_t> list_index;
  data_internal::ForEachLine(lists_file, [&](long line, std::string_view text) {
    if (line == 1) return ExpectHeader(text, "list,prefix,effective_from,note", lists_file);
    const auto fields = data_internal::SplitCsv(text, lists_file, line);
    if (fields.size() != 4) {
      throw DataError(Location{lists_file.string(), line, 1, ""},
                      "expected 4 fields: list,prefix,effective_from,note");
    }
    const std::string& prefix = fields[1];
    if (!AllDigits(prefix) || prefix.size() < 2 || prefix.size() > 10) {
      throw DataError(Location{lists_file.string(), line, 2, ""},
                      fmt::format("'{}' is not an HS prefix of 2 to 10 digits", prefix));
    }
    std::int32_t from = 1;
    if (!fields[2].empty()) {
      const auto date = Date::Parse(fields[2]);
      if (!date) {
        throw DataError(Location{lists_file.string(), line, 3, ""},
                        fmt::format("'{}' is not a date (YYYY-MM-DD)", fields[2]));
      }
      from = detail::DateKey(*date);
    }
    auto [it, inserted] = list_index.emplace(fields[0], data->list_names_.size());
    if (inserted) {
      data->list_names_.push_back(fields[0]);
      data->lists_.emplace_back(n, 0);
    }
    auto& members = data->lists_[it->second];
    const auto [first, last] = data->PrefixRange(prefix);
    for (std::size_t c = first; c < last; ++c) {
      members[c] = members[c] == 0 ? from : std::min(members[c], from);
    }
  });

  // Metal content.
  data->steel_.assign(n, NAN);
  data->aluminum_.assign(n, NAN);
  data->copper_.assign(n, NAN);
  const auto metal_file = directory / "metal_content.csv";
  data_internal::ForEachLine(metal_file, [&](long line, std::string_view text) {
    if (line == 1) return ExpectHeader(text, "hts10,steel,aluminum,copper", metal_file);
    const auto fields = data_internal::SplitCsv(text, metal_file, line);
    if (fields.size() != 4) {
      throw DataError(Location{metal_file.string(), line, 1, ""}, "expected 4 fields");
    }
    double shares[3];
    for (int k = 0; k < 3; ++k) {
      shares[k] = ParseNumber(fields[k + 1], metal_file, line, k + 2);
      if (shares[k] < 0.0 || shares[k] > 1.0) {
        throw DataError(Location{metal_file.string(), line, k + 2, ""},
                        fmt::format("content share {} is outside [0, 1]", shares[k]));
      }
    }
    const auto [first, last] = data->PrefixRange(fields[0]);
    for (std::size_t c = first; c < last; ++c) {
      data->steel_[c] = shares[0];
      data->aluminum_[c] = shares[1];
      data->copper_[c] = shares[2];
    }
  });
  data->FillContentFromSiblings();

  // HS6 → ISIC Rev.3 division, with heading and chapter majorities as fallbacks for codes the
  // concordance (an older HS edition) lacks and for its "9999 not classified" rows.
  const auto isic_file = directory / "hs6_isic3.csv";
  std::map<std::string, std::pair<int, long>> hs6_division;  // division, line in the file
  std::map<std::string, std::map<int, int>> hs4_votes, hs2_votes;
  data_internal::ForEachLine(isic_file, [&](long line, std::string_view text) {
    if (line == 1) return ExpectHeader(text, "hs6,isic3", isic_file);
    const auto fields = data_internal::SplitCsv(text, isic_file, line);
    if (fields.size() != 2 || fields[0].size() != 6 || !AllDigits(fields[0])) {
      throw DataError(Location{isic_file.string(), line, 1, ""}, "expected 'hs6,isic3'");
    }
    if (fields[1].size() != 4 || !AllDigits(fields[1]) || fields[1].substr(0, 2) == "99") return;
    const int division = std::stoi(fields[1].substr(0, 2));
    hs6_division[fields[0]] = {division, line};
    ++hs4_votes[fields[0].substr(0, 4)][division];
    ++hs2_votes[fields[0].substr(0, 2)][division];
  });
  auto majority = [](const std::map<int, int>& votes) {
    int best = -1, count = 0;
    for (auto [division, c] : votes) {
      if (c > count) best = division, count = c;
    }
    return best;
  };
  data->division_.assign(n, -1);
  data->division_source_.assign(n, 0);
  std::vector<long> isic_line(n, 0);  // where a code's division was read, for errors
  for (std::size_t c = 0; c < n; ++c) {
    const std::string& code = data->codes_[c];
    if (code.substr(0, 2) == "98") continue;  // special classification provisions: no industry
    if (auto it = hs6_division.find(code.substr(0, 6)); it != hs6_division.end()) {
      data->division_[c] = it->second.first, data->division_source_[c] = 1;
      isic_line[c] = it->second.second;
    } else if (auto h4 = hs4_votes.find(code.substr(0, 4)); h4 != hs4_votes.end()) {
      data->division_[c] = majority(h4->second), data->division_source_[c] = 2;
    } else if (auto h2 = hs2_votes.find(code.substr(0, 2)); h2 != hs2_votes.end()) {
      data->division_[c] = majority(h2->second), data->division_source_[c] = 3;
    }
  }

  data->ApplyDivisionOverrides(directory, isic_file, isic_line);

  data->LoadImports(directory);
  data->LoadMfnRates(directory);
  data->LoadProxyInputs(directory);
  return data;
}

void ProductData::ApplyDivisionOverrides(const std::filesystem::path& directory,
                                         const std::filesystem::path& isic_file,
                                         const std::vector<long>& isic_line) {
  const std::size_t n = codes_.size();
  std::vector<std::uint8_t> deliberate(n, 0);
  const auto file = directory / "hs_division_overrides.csv";
  if (std::filesystem::exists(file)) {
    std::vector<std::pair<std::string, int>> rows;
    data_internal::ForEachLine(file, [&](long line, std::string_view text) {
      if (line == 1) return ExpectHeader(text, "hs,division,note", file);
      const auto fields = data_internal::SplitCsv(text, file, line);
      if (fields.size() != 3) {
        throw DataError(Location{file.string(), line, 1, ""},
                        "expected 3 fields: hs,division,note");
      }
      if (!AllDigits(fields[0]) || fields[0].size() < 2 || fields[0].size() > 10 ||
          !IsKnownPrefix(fields[0])) {
        throw DataError(
            Location{file.string(), line, 1, ""},
            fmt::format("'{}' is not an HS prefix of 2 to 10 digits that starts an HTS line",
                        fields[0]));
      }
      if (fields[1].size() != 2 || !AllDigits(fields[1])) {
        throw DataError(Location{file.string(), line, 2, ""},
                        fmt::format("'{}' is not a two-digit ISIC Rev.3 division", fields[1]));
      }
      const int division = std::stoi(fields[1]);
      // An override may place a line in a goods division or in utilities (40-41: electricity is
      // a good at the border that the utilities sector carries, D15), never in a service.
      if (!((division >= 1 && division <= 37) || division == 40 || division == 41)) {
        throw DataError(
            Location{file.string(), line, 2, ""},
            fmt::format("division {:02d} is a services division; a goods line mapped there would "
                        "charge a services sector",
                        division),
            "map the line to a goods division (01-37) or to utilities (40-41)");
      }
      rows.emplace_back(fields[0], division);
    });
    // Shorter prefixes first, so that the longest matching prefix is the one that stays.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.first.size() < b.first.size(); });
    for (const auto& [prefix, division] : rows) {
      const auto [first, last] = PrefixRange(prefix);
      for (std::size_t c = first; c < last; ++c) {
        division_[c] = division, division_source_[c] = 4, deliberate[c] = 1;
      }
    }
  }
  // A goods measure reaches a sector through its products' divisions: a goods line in a
  // services division would charge a services flow of the baseline (D15).
  for (std::size_t c = 0; c < n; ++c) {
    const int d = division_[c];
    if (d < 0 || (d >= 1 && d <= 37) || deliberate[c]) continue;
    throw DataError(
        Location{isic_file.string(), isic_line[c], isic_line[c] > 0 ? 2 : 0, ""},
        fmt::format(
            "HTS {} maps to ISIC Rev.3 division {:02d}, outside the goods divisions 01-37, so "
            "a tariff on it would charge a services sector",
            codes_[c], d),
        "map it on purpose in hs_division_overrides.csv (hs,division,note)");
  }
}

std::shared_ptr<const ProductData> LoadProductData(const std::filesystem::path& directory) {
  return ProductData::Load(directory);
}

std::shared_ptr<const ProductData> ShippedProductData() {
  static std::mutex mutex;
  static std::shared_ptr<const ProductData> cached;
  std::lock_guard<std::mutex> lock(mutex);
  if (!cached) cached = ProductData::Load(DataDirectory() / "tariffs");
  return cached;
}

std::vector<std::string> ProductListNames(const ProductData& products) {
  return products.list_names();
}

}  // namespace ricardo
