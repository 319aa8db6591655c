// Reading region and sector maps for aggregation.
#include <map>

#include "core/suggest.hpp"
#include "data/csv.hpp"
#include "data/table_binding.hpp"
#include "fmt/format.h"
#include "ricardo/aggregate.hpp"
#include "ricardo/error.hpp"

namespace ricardo {

GroupMap IdentityMap(const std::vector<std::string>& codes) {
  GroupMap map;
  for (std::size_t k = 0; k < codes.size(); ++k) {
    map.groups.push_back({codes[k], ""});
    map.group_of.push_back(k);
  }
  return map;
}

GroupMap ReadGroupMap(const std::filesystem::path& path, const std::vector<std::string>& codes,
                      const char* what) {
  const std::string file = path.filename().string();
  if (!std::filesystem::exists(path)) {  // a pipe, a device: ReadCsvFile refuses
    throw NotFoundError(Location{path.string(), 0, 0, ""}, "map file not found",
                        "give a CSV with columns code,group[,group_name]");
  }
  const data_internal::BoundTable t(data_internal::ReadCsvFile(path, file),
                                    {{"code"}, {"group"}, {"group_name", false}});
  std::map<std::string, std::size_t> index;
  for (std::size_t k = 0; k < codes.size(); ++k) index[codes[k]] = k;

  GroupMap map;
  std::map<std::string, std::size_t> group_index;
  const std::size_t unmapped = static_cast<std::size_t>(-1);
  map.group_of.assign(codes.size(), unmapped);
  std::vector<long> line_of(codes.size(), 0);
  std::optional<std::size_t> default_group;
  long default_line = 0;
  for (const auto& r : t.records()) {
    const std::string code = t.Text(r, "code");
    const std::string group = t.Text(r, "group");
    if (group.empty()) {
      throw DataError(t.At(r, "group"), fmt::format("empty group for {} '{}'", what, code),
                      "name the group the code belongs to");
    }
    auto [it, added] = group_index.emplace(group, map.groups.size());
    if (added) map.groups.push_back({group, ""});
    if (t.Has("group_name") && !t.Text(r, "group_name").empty()) {
      map.groups[it->second].name = t.Text(r, "group_name");
    }
    if (code == "*") {
      if (default_group) {
        throw DataError(t.At(r, "code"),
                        fmt::format("a second '*' row (the first is on line {})", default_line),
                        "keep one '*' row for everything not listed");
      }
      default_group = it->second;
      default_line = r.line;
      continue;
    }
    const auto known = index.find(code);
    if (known == index.end()) {
      const std::string suggestion = detail::DidYouMean(code, codes);
      throw DataError(t.At(r, "code"), fmt::format("unknown {} '{}'{}", what, code, suggestion),
                      suggestion.empty()
                          ? fmt::format("the baseline's {}s are: {}", what, detail::JoinList(codes))
                          : std::string{});
    }
    if (map.group_of[known->second] != unmapped) {
      throw DataError(t.At(r, "code"),
                      fmt::format("{} '{}' is mapped twice (first on line {})", what, code,
                                  line_of[known->second]),
                      "map every code to one group");
    }
    map.group_of[known->second] = it->second;
    line_of[known->second] = r.line;
  }
  for (std::size_t k = 0; k < codes.size(); ++k) {
    if (map.group_of[k] != unmapped) continue;
    if (!default_group) {
      throw DataError(Location{file, 0, 0, ""},
                      fmt::format("{} '{}' is not mapped", what, codes[k]),
                      "add a row for it, or a row '*,GROUP' for everything not listed");
    }
    map.group_of[k] = *default_group;
  }
  // Groups nobody maps to (only possible through '*' when everything is listed) are dropped.
  std::vector<std::size_t> used(map.groups.size(), 0);
  for (std::size_t g : map.group_of) used[g] = 1;
  GroupMap compact;
  std::vector<std::size_t> renumber(map.groups.size());
  for (std::size_t g = 0; g < map.groups.size(); ++g) {
    if (!used[g]) continue;
    renumber[g] = compact.groups.size();
    compact.groups.push_back(map.groups[g]);
  }
  for (std::size_t g : map.group_of) compact.group_of.push_back(renumber[g]);
  return compact;
}

}  // namespace ricardo
