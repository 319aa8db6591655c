// Aggregation of a baseline: countries into regions, sectors into groups, keeping every
// accounting identity (docs/baseline-format.md, "Aggregation").
//
// Money values are summed: flows, tariff revenue, intermediate use, value added, final demand.
// Shares are then recomputed from the sums, so gross output, value added, expenditure, tariff
// revenue, trade surpluses and national income of a group equal the sums over its members
// (trade inside a group becomes the group's domestic sales, with the tariffs its members charged
// one another, so that tariff revenue and income are unchanged). Tariff rates are
// trade-weighted (Σ t·flow / Σ flow; the simple mean where the group pair has no trade).
// θ of a sector group is the mean of its members' θ weighted by their world trade (exports
// across borders; gross output if the group has no trade; the simple mean if it has neither).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ricardo/baseline.hpp"

namespace ricardo {

// A many-to-one map from codes to group codes, groups in order of first appearance.
struct GroupMap {
  struct Group {
    std::string code;
    std::string name;  // empty: the member's name for a one-member group, else the code
  };
  std::vector<Group> groups;
  std::vector<std::size_t> group_of;  // one per original code (region or sector order)
};

// Reads a map file: CSV with columns code, group and optionally group_name. A row with code '*'
// sends every code not listed elsewhere to its group. Every code in `codes` must end up in a
// group; unknown, duplicate or unmapped codes are DataErrors located in the file.
GroupMap ReadGroupMap(const std::filesystem::path& path, const std::vector<std::string>& codes,
                      const char* what);

// The identity map (every code its own group).
GroupMap IdentityMap(const std::vector<std::string>& codes);

struct AggregationOptions {
  std::optional<GroupMap> regions;  // none: regions unchanged
  std::optional<GroupMap> sectors;  // none: sectors unchanged
  std::string name;                 // manifest name of the result ("" keeps the input's)
};

// Aggregates and records the maps in the manifest notes. Throws ArgumentError if a map does not
// cover the baseline's codes or a region group would have no value added.
Baseline Aggregate(const Baseline& baseline, const AggregationOptions& options);

}  // namespace ricardo
