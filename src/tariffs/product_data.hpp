// The product-level data compiling needs, loaded once from data/tariffs/ (see PROVENANCE.md):
// the universe of HTS codes, named product lists, HS6 → ISIC Rev.3, metal content shares,
// descriptions, US imports from Canada and Mexico by HTS10 and month with the value claimed
// under USMCA, MFN rates, and what proxy import weights for every other partner are built from
// (2024 US imports by GTAP sector and partner group, HTS10 → GTAP, 2024 US imports by country).
// Products are addressed by their index in the sorted code universe, so that scopes and lists
// become plain arrays over it.
//
// The files added for the all-partner regime (mfn_rates.csv.gz, hs_division_overrides.csv and
// the three proxy-weight inputs) are optional, so that a directory holding only the
// Canada–Mexico files still loads: without them MfnRateForm is kUnknown, countries() is empty
// and ProxyWeights returns null. A file that is present is checked like the others.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ricardo/scenario.hpp"
#include "tariffs/derived_cache.hpp"

namespace ricardo {

class ProductData {
 public:
  enum Partner : int { kCanada = 0, kMexico = 1 };
  struct ImportLine {
    std::uint32_t code = 0;  // index into codes()
    double value_usd = 0.0;  // US imports for consumption, customs value
    double usmca_usd = 0.0;  // of which entered claiming USMCA preference
  };

  static std::shared_ptr<const ProductData> Load(const std::filesystem::path& directory);

  const std::filesystem::path& directory() const { return directory_; }

  // ---- Codes: HTS8/HTS10 numbers, sorted ----
  std::size_t code_count() const { return codes_.size(); }
  const std::string& code(std::size_t index) const { return codes_[index]; }
  // [first, last) of the codes that start with `prefix` (digits only).
  std::pair<std::size_t, std::size_t> PrefixRange(std::string_view prefix) const;
  // True if some HTS code or HS heading starts with `prefix`.
  bool IsKnownPrefix(std::string_view prefix) const;
  // Known codes and headings cut to `digits` digits, for "did you mean" suggestions.
  std::vector<std::string> PrefixesOfLength(std::size_t digits) const;

  // ---- Named lists ----
  const std::vector<std::string>& list_names() const { return list_names_; }
  std::optional<std::size_t> FindList(std::string_view name) const;
  // The day from which `code` belongs to `list` as yyyymmdd (1 = always), or 0 if never.
  std::int32_t ListFrom(std::size_t list, std::size_t code) const { return lists_[list][code]; }

  // ---- Per product ----
  // Content share of the value for a basis; *known is false when neither the product nor a line
  // of its HS4 has a row in the content table and the fallback (0.5, the flat share the Yale
  // tracker falls back to) is used. Lines without a row of their own take the mean of their
  // HTS8's, else HS6's, else HS4's known lines (D16).
  double Content(std::size_t code, ContentBasis basis, bool* known) const;
  // ISIC Rev.3 division (two digits, e.g. 27), or -1 for products that map to none (HTS ch. 98).
  // A goods line maps to a goods division (01–37) unless hs_division_overrides.csv puts it
  // elsewhere on purpose (electricity stays in 40); loading fails otherwise (decision D15).
  int Division(std::size_t code) const { return division_[code]; }
  // How the division was found: "hs6", "hs4", "hs2" (majority of the heading/chapter),
  // "override" (hs_division_overrides.csv), "".
  const char* DivisionSource(std::size_t code) const;
  std::string Description(std::size_t code) const;  // HS6, else HS4, else HS2 description

  // ---- MFN rates: column 1 "General" of the 2025 US schedule (revision 25), by HTS8 ----
  enum class MfnForm : std::uint8_t { kUnknown, kFree, kAdValorem, kSpecific, kCompound, kOther };
  // The part of the MFN rate that is a percentage of the whole customs value, as a fraction
  // (0.025 for "2.5%"); lines of an HTS8 share it. Exact for kFree and kAdValorem. Specific
  // duties ("4.4¢/kg") cannot be converted without unit values, so kSpecific lines read 0 and
  // kCompound ones only their percentage: a 15% floor, max(0, 0.15 − MfnRate), over-charges
  // them by the specific part's ad valorem equivalent. kOther (text formulas, percentages on
  // part of the value) reads its plain percentages, usually none. kUnknown (HTS8 not in the
  // schedule) reads 0.
  double MfnRate(std::size_t code) const { return mfn_rate_.empty() ? 0.0 : mfn_rate_[code]; }
  MfnForm MfnRateForm(std::size_t code) const {
    return mfn_form_.empty() ? MfnForm::kUnknown : static_cast<MfnForm>(mfn_form_[code]);
  }
  bool MfnRateExact(std::size_t code) const {
    const MfnForm form = MfnRateForm(code);
    return form == MfnForm::kFree || form == MfnForm::kAdValorem;
  }
  // The rate as the schedule writes it ("46.3¢/kg + 14.9%"), or "" when unknown.
  std::string_view MfnText(std::size_t code) const;

  // ---- Countries: 2024 US imports for consumption by partner country ----
  struct Country {
    std::string iso3;  // ISO 3166-1 alpha-3 (XKX for Kosovo)
    std::string
        census_code;  // US Census country code(s), ';'-separated where two share an ISO code
    std::string name;
    std::string group;  // the partner group of the GTAP table: china, canada, …, row, ftrow
    bool eu27 = false;
    double imports_2024_usd = 0.0;  // HS10 lines still in HTS 2026 rev 4 (94.8% of the total)
  };
  const std::vector<Country>& countries() const { return countries_; }  // sorted by iso3
  const Country* FindCountry(std::string_view iso3) const;

  // ---- Proxy import weights for partners without HTS10 data (decision D12) ----
  // The partner groups a baseline region stands for, each with the fraction of the group's
  // 2024 imports its countries make up: a region code is a country's ISO3 code, EU27 (the
  // member states) or ROW (every country no other code of `regions` claims). Empty when the
  // code claims no country (USA, unknown codes) or the proxy inputs are absent.
  std::vector<detail::GroupShare> RegionGroups(std::string_view region,
                                               const std::vector<std::string>& regions) const;
  // Annual (2024) US imports from `region` of a baseline whose region codes are `regions`, by
  // HTS10: each group's 2024 value in a GTAP sector × the region's fraction of the group ×
  // the line's share of that sector in pooled 2025 US imports from Canada and Mexico (lines
  // spread equally where the sector has no CAN/MEX line). Null if no group maps. Memoised.
  std::shared_ptr<const detail::WeightSet> ProxyWeights(
      std::string_view region, const std::vector<std::string>& regions) const;
  // GTAP goods sectors of the group table, lower-case ("pdr", …, "ely"), and the sector of a
  // product (index into gtap_sectors(), -1 = none: chapter 98 and unmapped lines).
  const std::vector<std::string>& gtap_sectors() const { return gtap_sectors_; }
  int GtapSector(std::size_t code) const { return gtap_of_.empty() ? -1 : gtap_of_[code]; }
  // 2024 US imports of a partner group in a GTAP sector, US$; 0 for unknown groups.
  double GroupImports2024(std::string_view group, std::size_t gtap_sector) const;

  // ---- US imports from CAN and MEX ----
  const std::vector<std::string>& months() const { return months_; }  // "YYYY-MM", sorted
  const std::vector<ImportLine>& Imports(Partner partner, std::size_t month) const {
    return imports_[partner][month];
  }

  // Pooled imports and scope product sets derived from this object, memoised with it
  // (derived_cache.hpp). Mutable: filling it changes no observable value.
  detail::DerivedCache& derived_cache() const { return derived_cache_; }

 private:
  // Loaders: the monthly imports (product_imports.cpp) and the optional files (product_mfn.cpp,
  // product_proxy.cpp, product_data.cpp).
  void LoadImports(const std::filesystem::path& directory);
  void LoadMfnRates(const std::filesystem::path& directory);
  void LoadProxyInputs(const std::filesystem::path& directory);
  void ApplyDivisionOverrides(const std::filesystem::path& directory,
                              const std::filesystem::path& isic_file,
                              const std::vector<long>& isic_line);
  detail::WeightSet ComputeProxyWeights(std::string_view region,
                                        const std::vector<std::string>& regions) const;

  std::filesystem::path directory_;
  std::vector<std::string> codes_;
  std::vector<std::string> headings_;  // HS2/HS4/HS6 codes with descriptions, sorted
  std::vector<std::string> heading_descriptions_;
  std::vector<std::string> list_names_;
  std::vector<std::vector<std::int32_t>> lists_;  // [list][code]
  std::vector<double> steel_, aluminum_,
      copper_;  // NaN = unknown; double so shares read as written
  void FillContentFromSiblings();
  std::vector<int> division_;
  std::vector<std::uint8_t> division_source_;
  std::vector<std::string> months_;
  std::vector<std::vector<ImportLine>> imports_[2];
  std::vector<double> mfn_rate_;         // per code; empty without mfn_rates.csv.gz
  std::vector<std::uint8_t> mfn_form_;   // MfnForm per code
  std::vector<std::uint32_t> mfn_text_;  // per code: index into mfn_texts_ (0 = "")
  std::vector<std::string> mfn_texts_;
  std::vector<Country> countries_;
  std::vector<std::string> groups_;  // partner groups, in the GTAP table's order
  std::vector<std::string> gtap_sectors_;
  std::vector<std::vector<double>> group_imports_;  // [group][gtap sector], US$ 2024
  std::vector<std::int16_t> gtap_of_;               // per code; empty without hts10_gtap.csv.gz
  mutable detail::DerivedCache derived_cache_;
};

namespace detail {
// yyyymmdd of a date, for comparing with ListFrom.
inline std::int32_t DateKey(const Date& d) {
  return d.year * 10000 + d.month * 100 + d.day;
}
}  // namespace detail

}  // namespace ricardo
