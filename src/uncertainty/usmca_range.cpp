// The USMCA utilisation uncertainty: how much of Canada's and Mexico's exports to the US keeps
// claiming the agreement's preference. The compile uses the claimed share of each product in the
// compile's months; a draw moves every product's share towards 0 or towards 1 by the same
// fraction λ, so that the partner's overall share lands on a value drawn between the lowest and
// highest monthly share of the months around the compile month. (Around, not before: claims
// jumped from about 50% to 87% in July 2025, when the IEEPA tariffs began to exempt USMCA goods,
// and a window reaching back across that break would mix two regimes for a date well after it.)
// Each product's charge is affine in its claimed share (the claimed and unclaimed portions are
// stacked apart; tests/uncertainty checks the affinity on the compiled tariffs), so t′ moves by
// λ·(t′(all claimed) − t′) or λ·(t′(none claimed) − t′): three compiles serve every draw.
#include <algorithm>

#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/scenario.hpp"
#include "ricardo/uncertainty.hpp"
#include "tariffs/product_data.hpp"

namespace ricardo {
namespace {

struct Claims {
  double value_usd = 0.0, usmca_usd = 0.0;
  double Share() const { return value_usd > 0.0 ? usmca_usd / value_usd : 0.0; }
};

Claims MonthClaims(const ProductData& products, ProductData::Partner partner, std::size_t month) {
  Claims c;
  for (const auto& line : products.Imports(partner, month)) {
    c.value_usd += line.value_usd;
    c.usmca_usd += std::min(line.usmca_usd, line.value_usd);
  }
  return c;
}

bool AnyDifference(const Array3& a, const Array3& b, std::size_t exporter) {
  for (std::size_t n = 0; n < a.dim0(); ++n)
    for (std::size_t j = 0; j < a.dim2(); ++j)
      if (a(n, exporter, j) != b(n, exporter, j)) return true;
  return false;
}

}  // namespace

UncertaintyInputs PrepareUncertainty(const Scenario& scenario, const CompiledScenario& compiled,
                                     const CompileOptions& options, const DrawSettings& settings) {
  const Baseline& baseline = compiled.baseline;
  UncertaintyInputs out;
  if (settings.draws < 1)
    throw ArgumentError(fmt::format("{} draws asked for", settings.draws), "ask for 1 or more");
  bool any_theta = false;
  if (settings.theta) {
    for (const Sector& s : baseline.sectors) {
      if (!(s.theta_se > 0.0)) continue;
      any_theta = true;
      if (!(s.theta > kMinDrawnTheta)) {
        throw ArgumentError(
            fmt::format("sector '{}' has theta = {}, at or below {}, the lowest value a draw "
                        "may take",
                        s.code, s.theta, kMinDrawnTheta),
            "set its theta_se to 0 in the baseline's sectors.csv to hold it fixed");
      }
    }
    out.notes.push_back(
        any_theta ? "trade elasticities: each sector's θ drawn from a normal distribution around "
                    "the baseline's value with its standard error, truncated to θ > 1"
                  : fmt::format("trade elasticities held fixed: baseline '{}' gives no standard "
                                "errors for θ",
                                baseline.manifest.name));
  }

  if (settings.usmca && settings.usmca_window_months < 0)
    throw ArgumentError(fmt::format("usmca_window_months is {}", settings.usmca_window_months),
                        "give 0 or more months either side of the compile month");
  // The two extra compiles only where there is a USMCA share to draw: a US importer and the
  // compile's months in the product data.
  const auto products = settings.usmca && !compiled.trace.months.empty()
                            ? (options.products ? options.products : ShippedProductData())
                            : nullptr;
  const std::vector<std::string> no_months;
  const auto& months = products ? products->months() : no_months;
  const auto last = products ? std::find(months.begin(), months.end(), compiled.trace.months.back())
                             : months.end();
  if (products && baseline.FindRegion("USA") && last != months.end()) {
    CompileOptions none = options, full = options;
    none.product_trace = full.product_trace = false;
    none.usmca_share_override = 0.0;
    full.usmca_share_override = 1.0;
    const CompiledScenario compiled_none = CompileScenario(scenario, baseline, none);
    const CompiledScenario compiled_full = CompileScenario(scenario, baseline, full);
    const std::pair<ProductData::Partner, const char*> partners[] = {{ProductData::kCanada, "CAN"},
                                                                     {ProductData::kMexico, "MEX"}};
    for (const auto& [partner, code] : partners) {
      const std::optional<std::size_t> found = baseline.FindRegion(code);
      if (!found) continue;
      const std::size_t exporter = *found;
      if (!AnyDifference(compiled_none.shock.tariff_rates, compiled_full.shock.tariff_rates,
                         exporter))
        continue;  // no measure in force treats USMCA goods apart: nothing to draw
      UsmcaRange range;
      range.partner = code;
      Claims pooled;
      for (const std::string& m : compiled.trace.months) {
        const auto at = std::find(months.begin(), months.end(), m);
        if (at == months.end()) continue;
        const Claims c = MonthClaims(*products, partner, at - months.begin());
        pooled.value_usd += c.value_usd;
        pooled.usmca_usd += c.usmca_usd;
      }
      // A share fixed by the scenario or the caller is what the compile used for every product.
      const std::optional<double> fixed = options.usmca_share_override
                                              ? options.usmca_share_override
                                              : scenario.usmca.share_override;
      range.share = fixed.value_or(pooled.Share());
      const std::size_t centre = static_cast<std::size_t>(last - months.begin());
      const std::size_t window = static_cast<std::size_t>(settings.usmca_window_months);
      const std::size_t begin = centre > window ? centre - window : 0;
      const std::size_t end = std::min(months.size(), centre + window + 1);
      range.low = range.high = range.share;
      for (std::size_t m = begin; m < end; ++m) {
        const double share = MonthClaims(*products, partner, m).Share();
        range.low = std::min(range.low, share);
        range.high = std::max(range.high, share);
        range.months.push_back(months[m]);
      }
      range.tariffs_none = compiled_none.shock.tariff_rates;
      range.tariffs_full = compiled_full.shock.tariff_rates;
      out.notes.push_back(fmt::format(
          "USMCA utilisation of {}'s exports to the US: {:.1f}% claimed in the compile's months "
          "({}); drawn uniformly between {:.1f}% and {:.1f}%, the lowest and highest monthly "
          "share of {} to {} (the compile month and {} months either side, where the data have "
          "them)",
          code, 100.0 * range.share, fmt::join(compiled.trace.months, ", "), 100.0 * range.low,
          100.0 * range.high, range.months.front(), range.months.back(), window));
      out.usmca.push_back(std::move(range));
    }
  }
  if (products && out.usmca.empty())
    out.notes.push_back(
        "USMCA utilisation held fixed: no measure in force treats goods claiming USMCA apart");
  if (!any_theta && out.usmca.empty()) {
    throw ArgumentError(
        "nothing to draw: no trade elasticity has a standard error and no tariff depends on "
        "the USMCA utilisation",
        "use a baseline whose sectors.csv has a theta_se column (the built-in ones do)");
  }
  return out;
}

Array3 DrawTariffs(const Array3& point_tariffs, const Baseline& baseline,
                   const UncertaintyInputs& inputs, std::uint64_t seed, std::uint64_t draw) {
  Array3 t = point_tariffs;
  for (std::size_t p = 0; p < inputs.usmca.size(); ++p) {
    const UsmcaRange& r = inputs.usmca[p];
    const std::size_t i = baseline.FindRegion(r.partner).value();  // PrepareUncertainty found it
    const double u = DrawUniform(seed, draw, kStreamUsmca, static_cast<std::uint32_t>(p));
    const double target = r.low + u * (r.high - r.low);
    // λ ≥ 0 towards full claims, towards none below the compile's share.
    const bool up = target >= r.share;
    const double lambda = up ? (r.share < 1.0 ? (target - r.share) / (1.0 - r.share) : 0.0)
                             : (r.share > 0.0 ? (r.share - target) / r.share : 0.0);
    const Array3& bound = up ? r.tariffs_full : r.tariffs_none;
    for (std::size_t n = 0; n < t.dim0(); ++n)
      for (std::size_t j = 0; j < t.dim2(); ++j)
        t(n, i, j) += lambda * (bound(n, i, j) - point_tariffs(n, i, j));
  }
  return t;
}

}  // namespace ricardo
