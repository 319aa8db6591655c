// MFN rates of the product data: mfn_rates.csv.gz (hts8,form,ad_valorem_rate,general), one row
// per HTS8 line of the 2025 US schedule that carries a General rate (PROVENANCE.md, D7).
#include <array>
#include <map>

#include "data/csv.hpp"
#include "data/gzip_text.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/scenario.hpp"
#include "tariffs/product_data.hpp"
#include "tariffs/text_files.hpp"

namespace ricardo {
namespace {

constexpr std::array<std::pair<std::string_view, ProductData::MfnForm>, 5> kForms = {{
    {"free", ProductData::MfnForm::kFree},
    {"ad_valorem", ProductData::MfnForm::kAdValorem},
    {"specific", ProductData::MfnForm::kSpecific},
    {"compound", ProductData::MfnForm::kCompound},
    {"other", ProductData::MfnForm::kOther},
}};

}  // namespace

std::string_view ProductData::MfnText(std::size_t code) const {
  return mfn_text_.empty() ? std::string_view() : std::string_view(mfn_texts_[mfn_text_[code]]);
}

void ProductData::LoadMfnRates(const std::filesystem::path& directory) {
  const auto file = directory / "mfn_rates.csv.gz";
  if (!std::filesystem::exists(file)) return;
  const std::size_t n = codes_.size();
  mfn_rate_.assign(n, 0.0);
  mfn_form_.assign(n, static_cast<std::uint8_t>(MfnForm::kUnknown));
  mfn_text_.assign(n, 0);
  mfn_texts_.assign(1, std::string());
  std::map<std::string, long> seen;
  data_internal::ForEachLine(file, [&](long line, std::string_view text) {
    if (line == 1) return detail::ExpectHeader(text, "hts8,form,ad_valorem_rate,general", file);
    auto fields = data_internal::SplitCsv(text, file, line);
    if (fields.size() != 4) {
      throw DataError(Location{file.string(), line, 1, ""},
                      "expected 4 fields: hts8,form,ad_valorem_rate,general");
    }
    const std::string& hts8 = fields[0];
    if (hts8.size() != 8 || !detail::AllDigits(hts8)) {
      throw DataError(Location{file.string(), line, 1, ""},
                      fmt::format("'{}' is not an 8-digit HTS number", hts8));
    }
    if (auto [it, fresh] = seen.emplace(hts8, line); !fresh) {
      throw DataError(
          Location{file.string(), line, 1, ""},
          fmt::format("HTS {} has a second rate (the first is on line {})", hts8, it->second),
          "keep one row per HTS8 line");
    }
    MfnForm form = MfnForm::kUnknown;
    for (const auto& [name, value] : kForms) {
      if (fields[1] == name) form = value;
    }
    if (form == MfnForm::kUnknown) {
      throw DataError(Location{file.string(), line, 2, ""},
                      fmt::format("unknown rate form '{}'", fields[1]),
                      "write free, ad_valorem, specific, compound or other");
    }
    const double rate = detail::ParseNumber(fields[2], file, line, 3);
    if (rate < 0.0 || rate > kMaxTariffRate || (form == MfnForm::kFree && rate != 0.0) ||
        (form == MfnForm::kSpecific && rate != 0.0)) {
      throw DataError(
          Location{file.string(), line, 3, ""},
          fmt::format("ad valorem rate {} does not fit the form '{}'", fields[2], fields[1]),
          fmt::format("rates are fractions from 0 to {} (0.025 for 2.5%), and 0 for free and "
                      "specific rates",
                      kMaxTariffRate));
    }
    if (fields[3].empty()) {
      throw DataError(Location{file.string(), line, 4, ""}, "the General rate text is empty",
                      "copy the rate as the schedule writes it");
    }
    const auto text_index = static_cast<std::uint32_t>(mfn_texts_.size());
    mfn_texts_.push_back(std::move(fields[3]));
    const auto [first, last] = PrefixRange(hts8);
    for (std::size_t c = first; c < last; ++c) {
      mfn_rate_[c] = rate;
      mfn_form_[c] = static_cast<std::uint8_t>(form);
      mfn_text_[c] = text_index;
    }
  });
}

}  // namespace ricardo
