// What compiling a scenario against a baseline needs, worked out once: regions of every
// measure, the sector of every product, each measure's product set, and the resolved stacking
// rules. Building it performs every check that needs the baseline (CheckScenario).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ricardo/baseline.hpp"
#include "ricardo/scenario.hpp"
#include "tariffs/compile_clock.hpp"
#include "tariffs/derived_cache.hpp"
#include "tariffs/product_data.hpp"
#include "tariffs/scenario_rules.hpp"

namespace ricardo::detail {

// ISIC Rev.3 division → baseline sector, from each sector's `isic_rev3` ("27-28", "01,02,05").
struct SectorMap {
  std::vector<int> sector_of_division;  // 100 entries; -1 = no sector covers the division
  // Sectors whose divisions all lie in ISIC sections A–D (01–37): the goods sectors a tariff on
  // "all goods" reaches when there are no product weights.
  std::vector<bool> goods;
  // Sectors whose divisions are all 45 or above (ISIC sections F–P): services, which tariff
  // measures may not name. Utilities (40–41) is neither goods nor services. A sector without
  // divisions is neither.
  std::vector<bool> services;

  static SectorMap Build(const Baseline& baseline);
};

// The part of a region a measure's origins cover: all of it, or some of its countries (a
// measure on Vietnam where the baseline has Vietnam inside ROW), as a share of the region's
// 2024 US imports by country (ProductData::countries()).
struct OriginPart {
  std::size_t region = 0;
  std::vector<std::string> countries;  // ISO3 codes inside the region, sorted; empty = all of it
  double share = 1.0;                  // Σ the countries' share of the region's imports
};

struct CompileContext {
  const Scenario* scenario = nullptr;
  const Baseline* baseline = nullptr;
  const ProductData* products = nullptr;
  SectorMap sectors;
  std::vector<int> code_sector;                         // per product code: sector index or -1
  std::vector<std::size_t> importer;                    // per measure: region index
  std::vector<std::vector<std::size_t>> origins;        // per measure: region indices
  std::vector<std::vector<OriginPart>> origin_parts;    // per measure: one per region of `origins`
  std::vector<std::optional<std::size_t>> rate_region;  // per measure: rate_from_baseline
  std::vector<std::vector<std::size_t>> scope_sectors;  // per measure: listed sector indices
  ResolvedRules rules;
  CompileClock clock;  // the compile's time limit (CompileOptions::max_time_in_seconds)

  // Per measure and product code: whether the product is in scope on `date` (lists take
  // effect on their entries' dates). Without a date, every list entry counts. Memoised in the
  // product data by scope and date (derived_cache.hpp).
  DerivedCache::MemberSet Members(std::size_t measure, const std::optional<Date>& date) const;
  // Region indices a list of codes and groups names, leaving out `importer`.
  std::vector<std::size_t> ResolveRegions(const std::vector<std::string>& codes,
                                          std::optional<std::size_t> importer,
                                          const SourceRef& source, const std::string& key) const;
  std::size_t ResolveSector(const std::string& code, const Location& where) const;
  // The part of `region` measure k's origins cover (null if they do not reach it).
  const OriginPart* PartOf(std::size_t measure, std::size_t region) const;
  // The region of the baseline a country belongs to: its own, EU27 for a member state, else
  // ROW; nullopt if none.
  std::optional<std::size_t> RegionOfCountry(const ProductData::Country& country) const;
};

// The region of `baseline` a country belongs to: its own, EU27 for a member state, else ROW;
// nullopt if none.
std::optional<std::size_t> RegionOfCountry(const Baseline& baseline,
                                           const ProductData::Country& country);

// Builds the context and runs every check; throws ScenarioError at the offending node, and
// LimitError past a limit of the scenario or `max_time_in_seconds` after the call.
CompileContext BuildCompileContext(const Scenario& scenario, const Baseline& baseline,
                                   const ProductData& products,
                                   std::optional<double> max_time_in_seconds = std::nullopt);

}  // namespace ricardo::detail
