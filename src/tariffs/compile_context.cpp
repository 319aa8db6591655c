#include "tariffs/compile_context.hpp"

#include <algorithm>

#include "core/suggest.hpp"
#include "fmt/format.h"

namespace ricardo::detail {
namespace {

bool TwoDigits(std::string_view s, int* out) {
  if (s.size() != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') return false;
  *out = (s[0] - '0') * 10 + (s[1] - '0');
  return true;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

std::string AuthorityOrId(const Measure& m) {
  return m.id;
}

ProductSet ComputeMembers(const ProductData& products, const ScopeKey& key) {
  const std::size_t n = products.code_count();
  std::vector<std::uint8_t> in(n, key.all_goods ? 1 : 0);
  auto mark_list = [&](const std::string& name, std::uint8_t value) {
    const auto list = products.FindList(name);
    if (!list) return;
    for (std::size_t c = 0; c < n; ++c) {
      const std::int32_t from = products.ListFrom(*list, c);
      if (from != 0 && from <= key.date_key) in[c] = value;
    }
  };
  auto fill_prefix = [&](const std::string& prefix, std::uint8_t value) {
    const auto [first, last] = products.PrefixRange(prefix);
    std::fill(in.begin() + static_cast<std::ptrdiff_t>(first),
              in.begin() + static_cast<std::ptrdiff_t>(last), value);
  };
  for (const std::string& prefix : key.hs_prefixes) fill_prefix(prefix, 1);
  for (const std::string& list : key.lists) mark_list(list, 1);
  for (std::size_t c = 0; c < n; ++c) {
    const int division = products.Division(c);
    if (division >= 0 && division < 100 && key.divisions[static_cast<std::size_t>(division)])
      in[c] = 1;
  }
  for (const std::string& prefix : key.exclude_hs_prefixes) fill_prefix(prefix, 0);
  for (const std::string& list : key.exclude_lists) mark_list(list, 0);
  return ProductSet::FromFlags(std::move(in));
}

}  // namespace

SectorMap SectorMap::Build(const Baseline& b) {
  SectorMap map;
  map.sector_of_division.assign(100, -1);
  map.goods.assign(b.sector_count(), false);
  map.services.assign(b.sector_count(), false);
  for (std::size_t j = 0; j < b.sector_count(); ++j) {
    const std::string& spec = b.sectors[j].isic_rev3;
    if (spec.empty()) continue;
    bool all_goods = true, all_services = true;
    std::size_t start = 0;
    while (start <= spec.size()) {
      const std::size_t comma = std::min(spec.find(',', start), spec.size());
      const std::string token = Trim(std::string_view(spec).substr(start, comma - start));
      const std::size_t dash = token.find('-');
      int lo = 0, hi = 0;
      const bool ok = dash == std::string::npos ? TwoDigits(token, &lo) && (hi = lo, true)
                                                : TwoDigits(token.substr(0, dash), &lo) &&
                                                      TwoDigits(token.substr(dash + 1), &hi);
      if (!ok || hi < lo) {
        throw DataError(
            Location{b.manifest.name, 0, 0, fmt::format("sectors[{}].isic_rev3", j)},
            fmt::format("sector '{}' has ISIC Rev.3 divisions '{}', which cannot be read",
                        b.sectors[j].code, spec),
            "write two-digit divisions and ranges separated by commas, e.g. \"27-28\" or "
            "\"01,02,05\"");
      }
      for (int d = lo; d <= hi; ++d) {
        if (map.sector_of_division[d] < 0) map.sector_of_division[d] = static_cast<int>(j);
        all_goods = all_goods && d >= 1 && d <= 37;
        all_services = all_services && d >= 45;
      }
      start = comma + 1;
    }
    map.goods[j] = all_goods;
    map.services[j] = all_services;
  }
  return map;
}

DerivedCache::MemberSet CompileContext::Members(std::size_t index,
                                                const std::optional<Date>& date) const {
  const ProductScope& scope = scenario->measures[index].scope;
  ScopeKey key;
  key.all_goods = scope.all_goods;
  key.hs_prefixes = scope.hs_prefixes;
  key.lists = scope.lists;
  key.exclude_hs_prefixes = scope.exclude_hs_prefixes;
  key.exclude_lists = scope.exclude_lists;
  // A product is in a listed sector through its ISIC division, so the divisions those sectors
  // cover stand for the sectors (and for the baseline's sector map) in the key.
  for (std::size_t d = 0; d < key.divisions.size(); ++d) {
    const int j = sectors.sector_of_division[d];
    key.divisions[d] =
        j >= 0 && std::find(scope_sectors[index].begin(), scope_sectors[index].end(),
                            static_cast<std::size_t>(j)) != scope_sectors[index].end();
  }
  key.date_key = date ? DateKey(*date) : 99991231;
  return products->derived_cache().Members(key, [&] { return ComputeMembers(*products, key); });
}

std::vector<std::size_t> CompileContext::ResolveRegions(const std::vector<std::string>& codes,
                                                        std::optional<std::size_t> importer_region,
                                                        const SourceRef& source,
                                                        const std::string& key) const {
  const Baseline& b = *baseline;
  std::vector<std::size_t> out;
  auto add = [&](std::size_t r) {
    if (importer_region && r == *importer_region) return;
    if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  };
  for (std::size_t k = 0; k < codes.size(); ++k) {
    const std::string& code = codes[k];
    if (code == "ALL") {
      for (std::size_t r = 0; r < b.region_count(); ++r) add(r);
    } else if (code == "USMCA") {
      for (const char* member : {"USA", "CAN", "MEX"}) {
        if (auto r = b.FindRegion(member)) add(*r);
      }
    } else if (code == "ROW" && !b.FindRegion("ROW")) {
      for (std::size_t r = 0; r < b.region_count(); ++r) {
        const std::string& c = b.regions[r].code;
        if (c != "USA" && c != "CAN" && c != "MEX") add(r);
      }
    } else if (auto r = b.FindRegion(code)) {
      if (importer_region && *r == *importer_region) {
        throw ScenarioError(source.At(fmt::format("{}[{}]", key, k)),
                            fmt::format("'{}' is the importer itself", code),
                            "a measure taxes imports from other countries");
      }
      add(*r);
    } else if (const ProductData::Country* country =
                   key == "origins" ? products->FindCountry(code) : nullptr;
               country && RegionOfCountry(*country)) {
      add(*RegionOfCountry(*country));  // a country inside a region: see ResolveOriginParts
    } else {
      std::vector<std::string> names;
      for (const Region& region : b.regions) names.push_back(region.code);
      throw ScenarioError(
          source.At(fmt::format("{}[{}]", key, k)), fmt::format("unknown country '{}'", code),
          DidYouMeanOr(code, names,
                       fmt::format("baseline '{}' has {}, and the groups USMCA, ROW, ALL{}",
                                   b.manifest.name, fmt::join(names, ", "),
                                   key == "origins" ? "; an origin may also be a country's ISO3 "
                                                      "code inside one of its regions"
                                                    : "")));
    }
  }
  return out;
}

const OriginPart* CompileContext::PartOf(std::size_t measure, std::size_t region) const {
  for (const OriginPart& part : origin_parts[measure]) {
    if (part.region == region) return &part;
  }
  return nullptr;
}

std::optional<std::size_t> CompileContext::RegionOfCountry(
    const ProductData::Country& country) const {
  return detail::RegionOfCountry(*baseline, country);
}

std::optional<std::size_t> RegionOfCountry(const Baseline& baseline,
                                           const ProductData::Country& country) {
  if (auto r = baseline.FindRegion(country.iso3)) return r;
  if (country.eu27) {
    if (auto r = baseline.FindRegion("EU27")) return r;
  }
  return baseline.FindRegion("ROW");
}

namespace {

bool IsRegionOrGroup(const Baseline& b, const std::string& code) {
  return code == "ALL" || code == "USMCA" || code == "ROW" || b.FindRegion(code).has_value();
}

// Measure k's origins as parts of regions: regions and groups whole, countries inside a region
// as their share of its 2024 US imports.
std::vector<OriginPart> ResolveOriginParts(const CompileContext& ctx, std::size_t k) {
  const Measure& m = ctx.scenario->measures[k];
  const Baseline& b = *ctx.baseline;
  std::vector<OriginPart> parts;
  // Regions and groups first, whole; ctx.origins[k] also holds the regions of named countries.
  std::vector<std::string> whole_codes;
  for (const std::string& code : m.origins) {
    if (IsRegionOrGroup(b, code)) whole_codes.push_back(code);
  }
  for (std::size_t r : ctx.ResolveRegions(whole_codes, ctx.importer[k], m.source, "origins")) {
    parts.push_back({r, {}, 1.0});
  }
  for (std::size_t e = 0; e < m.origins.size(); ++e) {
    const std::string& code = m.origins[e];
    if (IsRegionOrGroup(b, code)) continue;
    const ProductData::Country* country = ctx.products->FindCountry(code);
    const Location& where = m.source.At(fmt::format("origins[{}]", e));
    const std::optional<std::size_t> region =
        country ? ctx.RegionOfCountry(*country) : std::nullopt;
    if (!region) continue;  // ResolveRegions has reported it
    if (m.importer != "USA") {
      throw ScenarioError(
          where,
          fmt::format("origin '{}' is a country inside region '{}' of baseline '{}', and "
                      "country shares within a region are known only for US imports",
                      code, b.regions[*region].code, b.manifest.name),
          fmt::format("name the region '{}' instead", b.regions[*region].code));
    }
    if (*region == ctx.importer[k]) {
      throw ScenarioError(where, fmt::format("'{}' is part of the importer's own region", code),
                          "a measure taxes imports from other regions");
    }
    auto part = std::find_if(parts.begin(), parts.end(),
                             [&](const OriginPart& p) { return p.region == *region; });
    if (part == parts.end()) part = parts.insert(parts.end(), OriginPart{*region, {}, 0.0});
    if (part->share == 1.0 && part->countries.empty()) continue;  // the whole region is named too
    if (std::find(part->countries.begin(), part->countries.end(), code) == part->countries.end()) {
      part->countries.push_back(code);
    }
  }
  for (OriginPart& part : parts) {
    if (part.countries.empty()) continue;
    std::sort(part.countries.begin(), part.countries.end());
    double region_usd = 0.0, named_usd = 0.0;
    for (const ProductData::Country& c : ctx.products->countries()) {
      if (ctx.RegionOfCountry(c) != part.region) continue;
      region_usd += c.imports_2024_usd;
      if (std::binary_search(part.countries.begin(), part.countries.end(), c.iso3))
        named_usd += c.imports_2024_usd;
    }
    part.share = region_usd > 0.0 ? named_usd / region_usd : 0.0;
  }
  return parts;
}

// The region where measures a and b both tax the same importer's imports, if any: a region
// both reach, unless each names only some of its countries and no country is named by both
// (Vietnam's and Thailand's rates never stack).
std::optional<std::size_t> MeetingRegion(const CompileContext& ctx, std::size_t a, std::size_t b) {
  if (ctx.importer[a] != ctx.importer[b]) return std::nullopt;
  for (const OriginPart& pa : ctx.origin_parts[a]) {
    const OriginPart* pb = ctx.PartOf(b, pa.region);
    if (!pb) continue;
    bool meet = pa.countries.empty() || pb->countries.empty();
    for (const std::string& c : pa.countries) {
      meet = meet || std::binary_search(pb->countries.begin(), pb->countries.end(), c);
    }
    if (meet) return pa.region;
  }
  return std::nullopt;
}

// Tariff measures apply to goods (docs/scenarios.md, Scope): a sector of the scope whose ISIC
// Rev.3 divisions are all services (45 and above) is refused. Sectors without divisions cannot
// be told apart and are left as they are (the compile notes it).
void CheckGoodsSector(const CompileContext& ctx, std::size_t k, std::size_t e, std::size_t j) {
  if (!ctx.sectors.services[j]) return;
  const Measure& m = ctx.scenario->measures[k];
  const Sector& sector = ctx.baseline->sectors[j];
  throw ScenarioError(
      m.source.At(fmt::format("scope.sectors[{}]", e)),
      fmt::format("sector '{}' is a services sector; tariff measures apply to goods "
                  "(its ISIC Rev.3 divisions are {}, all 45 or above)",
                  sector.code, sector.isic_rev3),
      fmt::format("leave it out of the scope; to shock trade in services, use a trade-cost "
                  "shock: [[trade_costs]] with sectors = [\"{}\"]",
                  sector.code));
}

// "hs = [\"72\"], exclude_hs = [\"72\"]": the scope's keys as written, for messages.
std::string ScopeText(const ProductScope& scope) {
  std::vector<std::string> parts;
  auto list = [&](const char* key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    std::vector<std::string> quoted;
    for (const std::string& v : values) quoted.push_back(fmt::format("\"{}\"", v));
    parts.push_back(fmt::format("{} = [{}]", key, fmt::join(quoted, ", ")));
  };
  if (scope.all_goods) parts.push_back("all_goods = true");
  list("hs", scope.hs_prefixes);
  list("lists", scope.lists);
  list("exclude_hs", scope.exclude_hs_prefixes);
  list("exclude_lists", scope.exclude_lists);
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace

std::size_t CompileContext::ResolveSector(const std::string& code, const Location& where) const {
  if (auto j = baseline->FindSector(code)) return *j;
  std::vector<std::string> names;
  for (const Sector& s : baseline->sectors) names.push_back(s.code);
  throw ScenarioError(where, fmt::format("unknown sector '{}'", code),
                      DidYouMeanOr(code, names,
                                   fmt::format("sectors of baseline '{}': {}",
                                               baseline->manifest.name, fmt::join(names, ", "))));
}

CompileContext BuildCompileContext(const Scenario& s, const Baseline& b, const ProductData& p,
                                   std::optional<double> max_time_in_seconds) {
  CompileContext ctx;
  ctx.clock = CompileClock(max_time_in_seconds, s.file.empty() ? s.name : s.file);
  ctx.scenario = &s;
  ctx.baseline = &b;
  ctx.products = &p;
  ctx.sectors = SectorMap::Build(b);
  ctx.code_sector.assign(p.code_count(), -1);
  for (std::size_t c = 0; c < p.code_count(); ++c) {
    const int division = p.Division(c);
    if (division >= 0 && division < 100)
      ctx.code_sector[c] = ctx.sectors.sector_of_division[division];
  }
  ctx.rules = ResolveRules(s, &ctx.clock);

  std::vector<std::string> region_names;
  for (const Region& r : b.regions) region_names.push_back(r.code);
  const std::size_t M = s.measures.size();
  ctx.importer.resize(M);
  ctx.origins.resize(M);
  ctx.origin_parts.resize(M);
  ctx.rate_region.resize(M);
  ctx.scope_sectors.resize(M);
  for (std::size_t k = 0; k < M; ++k) {
    const Measure& m = s.measures[k];
    const auto importer = b.FindRegion(m.importer);
    if (!importer) {
      throw ScenarioError(m.source.At("importer"), fmt::format("unknown country '{}'", m.importer),
                          DidYouMeanOr(m.importer, region_names,
                                       fmt::format("baseline '{}' has {}", b.manifest.name,
                                                   fmt::join(region_names, ", "))));
    }
    ctx.importer[k] = *importer;
    ctx.origins[k] = ctx.ResolveRegions(m.origins, *importer, m.source, "origins");
    ctx.origin_parts[k] = ResolveOriginParts(ctx, k);
    if (!m.rate_from_baseline.empty()) {
      const auto r = b.FindRegion(m.rate_from_baseline);
      if (!r) {
        throw ScenarioError(m.source.At("rate_from_baseline"),
                            fmt::format("unknown country '{}'", m.rate_from_baseline),
                            DidYouMeanOr(m.rate_from_baseline, region_names,
                                         fmt::format("baseline '{}' has {}", b.manifest.name,
                                                     fmt::join(region_names, ", "))));
      }
      ctx.rate_region[k] = *r;
    }
    for (std::size_t e = 0; e < m.scope.sectors.size(); ++e) {
      ctx.scope_sectors[k].push_back(
          ctx.ResolveSector(m.scope.sectors[e], m.source.At(fmt::format("scope.sectors[{}]", e))));
      CheckGoodsSector(ctx, k, e, ctx.scope_sectors[k].back());
    }
    if (m.covered_value_usd && b.manifest.currency != "USD") {
      throw ScenarioError(
          m.source.At("covered_value_usd"),
          fmt::format("covered_value_usd needs a baseline in US dollars; '{}' is in {}",
                      b.manifest.name, b.manifest.currency));
    }
  }
  for (const TradeCostShock& t : s.trade_costs) {
    ctx.ResolveRegions(t.importers, std::nullopt, t.source, "importers");
    ctx.ResolveRegions(t.exporters, std::nullopt, t.source, "exporters");
    for (std::size_t e = 0; e < t.sectors.size(); ++e) {
      ctx.ResolveSector(t.sectors[e], t.source.At(fmt::format("sectors[{}]", e)));
    }
  }
  for (const ElasticityOverride& e : s.elasticities) ctx.ResolveSector(e.sector, e.source.where);

  // Displacement cycles: where all their measures apply, none would be charged.
  CheckDisplacementCycles(
      ctx.rules, s,
      [&](std::size_t a, std::size_t bb) { return MeetingRegion(ctx, a, bb).has_value(); },
      &ctx.clock);

  std::vector<DerivedCache::MemberSet> members(M);
  auto members_of = [&](std::size_t k) -> const ProductSet& {
    if (!members[k]) members[k] = ctx.Members(k, std::nullopt);
    return *members[k];
  };
  // A scope whose exclusions take out everything its inclusions name covers nothing on any
  // day, like a scope with no inclusions (which the parser refuses). A scope naming sectors
  // covers them in sector mode, products or not.
  for (std::size_t k = 0; k < M; ++k) {
    const Measure& m = s.measures[k];
    const std::vector<std::uint64_t>& words = members_of(k).words;
    if (!m.scope.sectors.empty() ||
        std::any_of(words.begin(), words.end(), [](std::uint64_t w) { return w != 0; })) {
      continue;
    }
    throw ScenarioError(
        m.source.At("scope"),
        fmt::format("the scope covers no products: its exclusions take out every product "
                    "its inclusions name ({})",
                    ScopeText(m.scope)),
        "remove the exclusions that cover the inclusions, or include more products");
  }

  // Every two measures that can hit the same product of the same pair on the same day need a
  // stacking rule for all of those days.
  // The rules are asked first: they almost always cover the pair.
  for (std::size_t a = 0; a < M; ++a) {
    for (std::size_t bb = a + 1; bb < M; ++bb) {
      ctx.clock.Check();
      const Measure& ma = s.measures[a];
      const Measure& mb = s.measures[bb];
      const std::optional<std::size_t> origin = MeetingRegion(ctx, a, bb);
      if (!origin) continue;
      if (ma.from && mb.to && *mb.to < *ma.from) continue;
      if (mb.from && ma.to && *ma.to < *mb.from) continue;
      Date gap;
      if (RulesCoverOverlap(ctx.rules, s, a, bb, &gap)) continue;
      std::string example;
      if (const auto shared = members_of(a).FirstShared(members_of(bb))) example = p.code(*shared);
      for (std::size_t j : ctx.scope_sectors[a]) {
        if (example.empty() && std::find(ctx.scope_sectors[bb].begin(), ctx.scope_sectors[bb].end(),
                                         j) != ctx.scope_sectors[bb].end()) {
          example = fmt::format("sector {}", b.sectors[j].code);
        }
      }
      if (example.empty()) continue;
      const bool open_start = gap == Date{1990, 1, 1};
      throw ScenarioError(
          mb.source.where,
          fmt::format(
              "measures '{}' and '{}' overlap with no stacking rule between them (both tax {} "
              "imports from {} of {}{})",
              AuthorityOrId(ma), AuthorityOrId(mb), b.regions[ctx.importer[a]].code,
              b.regions[*origin].code, example,
              open_start ? "" : fmt::format(" on {}", gap.ToString())),
          fmt::format(
              "add replaces, replaced_by, replaces_on_content or stacks_with to one of them, "
              "naming the other"));
    }
  }
  return ctx;
}

}  // namespace ricardo::detail
