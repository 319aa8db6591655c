#include "ricardo/error.hpp"
#include "ricardo/north_america.hpp"
#include "ricardo/wiod.hpp"

namespace ricardo {

std::vector<bool> GoodsSectors(const Baseline& b) {
  std::vector<bool> goods(b.sector_count(), false);
  for (std::size_t j = 0; j < b.sector_count(); ++j) {
    const Sector& s = b.sectors[j];
    if (s.isic_rev3.empty()) {
      goods[j] = s.tradable;
      continue;
    }
    try {
      const auto divisions = wiod::ParseIsicDivisions(s.isic_rev3);
      bool all_goods = !divisions.empty();
      for (int d : divisions) all_goods = all_goods && d >= 1 && d <= 37;
      goods[j] = all_goods;
    } catch (const ArgumentError&) {
      goods[j] = s.tradable;
    }
  }
  return goods;
}

}  // namespace ricardo
