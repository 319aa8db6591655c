// Aggregation that keeps every accounting identity (see include/ricardo/aggregate.hpp).
#include "ricardo/aggregate.hpp"

#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/validate.hpp"
#include "ricardo/wiod.hpp"

namespace ricardo {
namespace {

std::string GroupName(const GroupMap& map, std::size_t g, const std::vector<std::string>& names) {
  if (!map.groups[g].name.empty()) return map.groups[g].name;
  std::size_t members = 0, last = 0;
  for (std::size_t k = 0; k < map.group_of.size(); ++k) {
    if (map.group_of[k] == g) {
      ++members;
      last = k;
    }
  }
  return members == 1 ? names[last] : map.groups[g].code;
}

std::string MemberList(const GroupMap& map, const std::vector<std::string>& codes) {
  std::string out;
  for (std::size_t g = 0; g < map.groups.size(); ++g) {
    std::vector<std::string> members;
    for (std::size_t k = 0; k < map.group_of.size(); ++k) {
      if (map.group_of[k] == g) members.push_back(codes[k]);
    }
    if (members.size() == 1 && members.front() == map.groups[g].code) continue;
    std::string list;
    for (const auto& m : members) list += (list.empty() ? "" : " ") + m;
    out += fmt::format("{}{} = {}", out.empty() ? "" : "; ", map.groups[g].code, list);
  }
  return out.empty() ? "unchanged" : out;
}

std::string UnionOfDivisions(const std::vector<const Sector*>& members) {
  std::vector<int> divisions;
  for (const Sector* s : members) {
    if (s->isic_rev3.empty()) return {};  // unknown for one member: unknown for the group
    try {
      const auto d = wiod::ParseIsicDivisions(s->isic_rev3);
      divisions.insert(divisions.end(), d.begin(), d.end());
    } catch (const ArgumentError&) {
      return {};
    }
  }
  return wiod::FormatIsicDivisions(divisions);
}

}  // namespace

Baseline Aggregate(const Baseline& b, const AggregationOptions& options) {
  const std::size_t N = b.region_count(), J = b.sector_count();
  std::vector<std::string> region_codes, region_names, sector_codes, sector_names;
  for (const auto& r : b.regions) {
    region_codes.push_back(r.code);
    region_names.push_back(r.name);
  }
  for (const auto& s : b.sectors) {
    sector_codes.push_back(s.code);
    sector_names.push_back(s.name);
  }
  const GroupMap rmap = options.regions ? *options.regions : IdentityMap(region_codes);
  const GroupMap smap = options.sectors ? *options.sectors : IdentityMap(sector_codes);
  if (rmap.group_of.size() != N || smap.group_of.size() != J) {
    throw ArgumentError("the aggregation maps do not match the baseline's regions and sectors",
                        "read the maps with the baseline's codes (ReadGroupMap)");
  }
  const std::size_t R = rmap.groups.size(), S = smap.groups.size();
  if (R < 2) {
    throw ArgumentError("the region map leaves fewer than two regions; the model needs two",
                        "keep at least two region groups");
  }

  const Array2 output = GrossOutput(b);
  const std::vector<double> income = NationalIncome(b);
  Array3 flows(R, R, S), revenue(R, R, S), rate_sum(R, R, S), rate_count(R, R, S);
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < J; ++j) {
        const std::size_t a = rmap.group_of[n], c = rmap.group_of[i], s = smap.group_of[j];
        flows(a, c, s) += b.trade_flows(n, i, j);
        revenue(a, c, s) += b.tariff_rates(n, i, j) * b.trade_flows(n, i, j);
        rate_sum(a, c, s) += b.tariff_rates(n, i, j);
        rate_count(a, c, s) += 1.0;
      }
  Array3 use(R, S, S);
  Array2 value_added(R, S), final_demand(R, S);
  for (std::size_t n = 0; n < N; ++n) {
    const std::size_t a = rmap.group_of[n];
    for (std::size_t j = 0; j < J; ++j) {
      const std::size_t s = smap.group_of[j];
      const double gamma = b.value_added_share(n, j);
      value_added(a, s) += gamma * output(n, j);
      final_demand(a, s) += b.final_demand_share(n, j) * income[n];
      for (std::size_t k = 0; k < J; ++k) {
        use(a, smap.group_of[k], s) += (1.0 - gamma) * b.input_shares(n, k, j) * output(n, j);
      }
    }
  }

  // Sectors: θ weighted by world trade across borders (then output, then equally).
  std::vector<double> world_trade(J, 0.0), world_output(J, 0.0);
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < J; ++j) {
        if (i != n) world_trade[j] += b.trade_flows(n, i, j);
        world_output[j] += b.trade_flows(n, i, j);
      }
  std::vector<Sector> sectors(S);
  for (std::size_t s = 0; s < S; ++s) {
    std::vector<const Sector*> members;
    double trade = 0.0, produced = 0.0;
    for (std::size_t j = 0; j < J; ++j) {
      if (smap.group_of[j] != s) continue;
      members.push_back(&b.sectors[j]);
      trade += world_trade[j];
      produced += world_output[j];
    }
    double weighted = 0.0, weighted_se = 0.0, total = 0.0;
    for (std::size_t j = 0; j < J; ++j) {
      if (smap.group_of[j] != s) continue;
      const double w = trade > 0.0 ? world_trade[j] : produced > 0.0 ? world_output[j] : 1.0;
      weighted += w * b.sectors[j].theta;
      weighted_se += w * b.sectors[j].theta_se;
      total += w;
    }
    Sector& out = sectors[s];
    out.code = smap.groups[s].code;
    out.name = GroupName(smap, s, sector_names);
    out.tradable = false;
    for (const Sector* m : members) out.tradable = out.tradable || m->tradable;
    out.theta = members.size() == 1 ? members.front()->theta : weighted / total;
    // The members' θ may come from the same estimate (several WIOD industries share a
    // Caliendo–Parro sector), so their errors are not independent: the weighted mean of the
    // standard errors, the bound for perfectly correlated errors, errs on the wide side.
    out.theta_se = members.size() == 1 ? members.front()->theta_se : weighted_se / total;
    out.isic_rev3 = members.size() == 1 ? members.front()->isic_rev3 : UnionOfDivisions(members);
  }
  std::vector<Region> regions(R);
  for (std::size_t a = 0; a < R; ++a) {
    regions[a] = {rmap.groups[a].code, GroupName(rmap, a, region_names)};
  }

  Baseline out = MakeEmptyBaseline(regions, sectors);
  out.manifest = b.manifest;
  if (!options.name.empty()) out.manifest.name = options.name;
  out.trade_flows = flows;
  for (std::size_t k = 0; k < flows.size(); ++k) {
    const double f = flows.values()[k];
    out.tariff_rates.values()[k] =
        f > 0.0 ? revenue.values()[k] / f : rate_sum.values()[k] / rate_count.values()[k];
  }
  const Array2 new_output = GrossOutput(out);
  for (std::size_t a = 0; a < R; ++a) {
    double fd_total = 0.0;
    for (std::size_t s = 0; s < S; ++s) fd_total += final_demand(a, s);
    for (std::size_t s = 0; s < S; ++s) {
      const double go = new_output(a, s);
      out.value_added_share(a, s) = go > 0.0 ? std::min(1.0, value_added(a, s) / go) : 1.0;
      double inputs = 0.0;
      for (std::size_t k = 0; k < S; ++k) inputs += use(a, k, s);
      for (std::size_t k = 0; k < S; ++k) {
        out.input_shares(a, k, s) = inputs > 0.0 ? use(a, k, s) / inputs : 0.0;
      }
      out.final_demand_share(a, s) = fd_total > 0.0 ? final_demand(a, s) / fd_total : 0.0;
    }
  }
  const std::string record =
      fmt::format("aggregated from {} regions x {} sectors (regions: {}; sectors: {})", N, J,
                  MemberList(rmap, region_codes), MemberList(smap, sector_codes));
  out.manifest.notes +=
      (out.manifest.notes.empty() || out.manifest.notes.back() == '\n' ? "" : "\n");
  out.manifest.notes += "- " + record + "\n";
  ThrowIfInvalid(ValidateBaseline(out));
  return out;
}

}  // namespace ricardo
