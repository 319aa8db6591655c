// The product-level data compiling needs, loaded once from data/tariffs/ (see PROVENANCE.md):
// the universe of HTS codes, named product lists, HS6 → ISIC Rev.3, metal content shares,
// descriptions, and US imports from Canada and Mexico by HTS10 and month with the value
// claimed under USMCA. Products are addressed by their index in the sorted code universe, so
// that scopes and lists become plain arrays over it.
#pragma once

#include <cstdint>
#include <filesystem>
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
    std::uint32_t code = 0;    // index into codes()
    double value_usd = 0.0;    // US imports for consumption, customs value
    double usmca_usd = 0.0;    // of which entered claiming USMCA preference
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
  // Content share of the value for a basis; *known is false when the product has no row in the
  // content table and the fallback (0.5, the flat share the Yale tracker falls back to) is used.
  double Content(std::size_t code, ContentBasis basis, bool* known) const;
  // ISIC Rev.3 division (two digits, e.g. 27), or -1 for products that map to none (HTS ch. 98).
  int Division(std::size_t code) const { return division_[code]; }
  // How the division was found: "hs6", "hs4", "hs2" (majority of the heading/chapter), "".
  const char* DivisionSource(std::size_t code) const;
  std::string Description(std::size_t code) const;  // HS6, else HS4, else HS2 description

  // ---- US imports from CAN and MEX ----
  const std::vector<std::string>& months() const { return months_; }  // "YYYY-MM", sorted
  const std::vector<ImportLine>& Imports(Partner partner, std::size_t month) const {
    return imports_[partner][month];
  }

  // Pooled imports and scope product sets derived from this object, memoised with it
  // (derived_cache.hpp). Mutable: filling it changes no observable value.
  detail::DerivedCache& derived_cache() const { return derived_cache_; }

 private:
  std::filesystem::path directory_;
  std::vector<std::string> codes_;
  std::vector<std::string> headings_;  // HS2/HS4/HS6 codes with descriptions, sorted
  std::vector<std::string> heading_descriptions_;
  std::vector<std::string> list_names_;
  std::vector<std::vector<std::int32_t>> lists_;  // [list][code]
  std::vector<double> steel_, aluminum_, copper_;  // NaN = unknown; double so shares read as written
  std::vector<int> division_;
  std::vector<std::uint8_t> division_source_;
  std::vector<std::string> months_;
  std::vector<std::vector<ImportLine>> imports_[2];
  mutable detail::DerivedCache derived_cache_;
};

namespace detail {
// yyyymmdd of a date, for comparing with ListFrom.
inline std::int32_t DateKey(const Date& d) { return d.year * 10000 + d.month * 100 + d.day; }
}  // namespace detail

}  // namespace ricardo
