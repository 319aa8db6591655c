// Reading a sweep spec (docs/sweep.md): every problem is refused at its line and column, with
// what is wrong and how to write it instead, through the scenario reader's TomlReader.
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/regular_file.hpp"
#include "core/suggest.hpp"
#include "fmt/format.h"
#include "ricardo/sweep.hpp"
#include "tariffs/toml_guard.hpp"
#include "tariffs/toml_reader.hpp"

namespace ricardo {
namespace {

using detail::JoinPath;
using detail::TomlReader;
using detail::TypeName;

const std::vector<std::string> kTopKeys = {"scenario",   "scenarios", "baseline", "chunk_points",
                                           "theta_seed", "axes",      "points"};
const std::vector<std::string> kAxesKeys = {"dates", "usmca_share", "theta_draws", "rates"};
const std::vector<std::string> kPointKeys = {"scenario", "date", "usmca_share", "theta_draw",
                                             "rates"};
const std::vector<std::string> kRangeKeys = {"from", "to", "step"};

// A whole number of steps from `from` reaches `to` when it is within this many steps of it.
constexpr double kRangeStepSlack = 1e-9;

// The entries of a table in the order they are written: toml++ keeps a table's keys sorted,
// but the spec's order of measures is the order of its axes (and of the CSV's columns).
std::vector<std::pair<const toml::key*, const toml::node*>> InSourceOrder(
    const toml::table& table) {
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (auto&& [key, value] : table) entries.emplace_back(&key, &value);
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const auto& x = a.first->source().begin;
    const auto& y = b.first->source().begin;
    return x.line != y.line ? x.line < y.line : x.column < y.column;
  });
  return entries;
}

class SpecParser {
 public:
  SpecParser(std::string file, std::filesystem::path base)
      : r_(std::move(file)), base_(std::move(base)) {}

  SweepSpec Parse(std::string_view text) {
    const toml::table root = detail::ParseGuardedToml(text, r_.file());  // toml_guard.hpp
    spec_.file = r_.file();
    r_.CheckKeys(root, kTopKeys, "the sweep spec", "");
    ReadScenarios(root);
    spec_.baseline = r_.String(root, "baseline", "").value_or(spec_.scenarios.front().baseline);
    if (const auto chunk = Integer(root, "chunk_points", "", "chunk_points = 8")) {
      if (*chunk < 1 || *chunk > static_cast<std::int64_t>(kMaxSweepChunkPoints))
        r_.Fail(r_.ValueAt(root, "chunk_points", ""),
                fmt::format("chunk_points is {}, must be 1 … {}", *chunk, kMaxSweepChunkPoints),
                "the default, 8, suits most sweeps; docs/sweep.md explains the choice");
      spec_.chunk_points = static_cast<std::size_t>(*chunk);
    }
    const toml::node* axes = root.get("axes");
    const toml::node* points = root.get("points");
    if (axes && points) {
      r_.Fail(r_.ValueAt(root, "points", ""), "the spec has both [axes] and [[points]]",
              "a sweep is either a grid ([axes]) or a list of points ([[points]]); keep one");
    }
    if (!axes && !points) {
      r_.Fail(Location{r_.file(), 1, 1, ""}, "the spec has neither [axes] nor [[points]]",
              "add [axes] with the values to sweep, e.g. dates = [2025-06-01, 2025-11-01]; "
              "docs/sweep.md has an example");
    }
    if (axes) {
      ReadGrid(root);
    } else {
      ReadList(root);
    }
    return std::move(spec_);
  }

 private:
  std::optional<std::int64_t> Integer(const toml::table& table, std::string_view key,
                                      std::string_view path, std::string_view example) {
    const toml::node* node = table.get(key);
    if (!node) return std::nullopt;
    if (!node->is_integer())
      r_.Fail(r_.At(*node, JoinPath(path, key)),
              fmt::format("'{}' must be a whole number, not {}", key, TypeName(*node)),
              fmt::format("write {}", example));
    return node->as_integer()->get();
  }

  // The elements of an array value, or a located error for another type or an empty array.
  const toml::array& NonEmptyArray(const toml::table& table, std::string_view key,
                                   std::string_view path, std::string_view example) {
    const toml::node* node = table.get(key);
    const Location where = r_.At(*node, JoinPath(path, key));
    if (!node->is_array())
      r_.Fail(where, fmt::format("'{}' must be an array, not {}", key, TypeName(*node)),
              fmt::format("write {} = {}", key, example));
    const toml::array& array = *node->as_array();
    if (array.empty())
      r_.Fail(
          where, fmt::format("'{}' is empty", key),
          fmt::format("give at least one value, e.g. {} = {}, or leave the key out", key, example));
    return array;
  }

  double NumberAt(const toml::node& node, const std::string& path, std::string_view example) {
    if (node.is_integer()) return static_cast<double>(node.as_integer()->get());
    if (!node.is_floating_point())
      r_.Fail(r_.At(node, path), fmt::format("{} must be a number, not {}", path, TypeName(node)),
              fmt::format("write {}", example));
    return node.as_floating_point()->get();
  }

  void CheckRate(double rate, const Location& where, const std::string& measure) {
    if (!(rate >= 0.0) || !(rate <= kMaxTariffRate) || !std::isfinite(rate))
      r_.Fail(where,
              fmt::format("rate {} of '{}' is outside 0 … {}", rate, measure, kMaxTariffRate),
              "rates are fractions: write 0.25 for 25%");
  }

  void CheckShare(double share, const Location& where) {
    if (!(share >= 0.0) || !(share <= kMaxUsmcaShare))
      r_.Fail(where, fmt::format("USMCA share {} is outside 0 … {}", share, kMaxUsmcaShare),
              "shares are fractions of trade: write 0.9 for 90%");
  }

  Date DateAt(const toml::node& node, const std::string& path) {
    const Location where = r_.At(node, path);
    if (node.is_string()) {
      const auto parsed = Date::Parse(node.as_string()->get());
      r_.Fail(where, fmt::format("{} must be a date, not a string", path),
              fmt::format("write {} without quotes",
                          parsed ? node.as_string()->get() : std::string_view("2025-06-04")));
    }
    if (!node.is_date())
      r_.Fail(where, fmt::format("{} must be a date, not {}", path, TypeName(node)),
              "write a date such as 2025-06-04");
    const toml::date d = node.as_date()->get();
    Date date{static_cast<int>(d.year), static_cast<int>(d.month), static_cast<int>(d.day)};
    if (!date.IsValid() || date.year < 1990 || date.year > 2100)
      r_.Fail(where, fmt::format("{} is not a date between 1990 and 2100", path),
              "write a real day, YYYY-MM-DD");
    return date;
  }

  void ReadScenarios(const toml::table& root) {
    const bool one = root.contains("scenario"), many = root.contains("scenarios");
    if (one && many)
      r_.Fail(r_.ValueAt(root, "scenarios", ""), "the spec has both 'scenario' and 'scenarios'",
              "give one scenario with scenario = \"…\", or several with scenarios = [\"…\", …]");
    if (!one && !many)
      r_.Fail(Location{r_.file(), 1, 1, ""}, "the spec names no scenario",
              "add scenario = \"us-tariffs-2025-11\" (a shipped name or a path relative to the "
              "spec)");
    std::vector<std::pair<std::string, Location>> names;
    if (one) {
      names.emplace_back(*r_.String(root, "scenario", ""), r_.ValueAt(root, "scenario", ""));
    } else {
      const toml::array& array =
          NonEmptyArray(root, "scenarios", "", "[\"us-tariffs-2025-11\", \"us-tariffs-2025-03\"]");
      std::size_t k = 0;
      for (const toml::node& node : array) {
        const std::string path = fmt::format("scenarios[{}]", k++);
        if (!node.is_string())
          r_.Fail(r_.At(node, path),
                  fmt::format("{} must be a string, not {}", path, TypeName(node)),
                  "write the scenario's name or path in quotes");
        names.emplace_back(std::string(node.as_string()->get()), r_.At(node, path));
      }
    }
    for (const auto& [name, where] : names) {
      if (std::find(spec_.scenario_names.begin(), spec_.scenario_names.end(), name) !=
          spec_.scenario_names.end())
        r_.Fail(where, fmt::format("scenario '{}' is listed twice", name), "list it once");
      std::filesystem::path file = base_ / name;
      std::error_code ec;
      if (!std::filesystem::is_regular_file(file, ec)) {
        try {
          file = ResolveScenarioPath(name);
        } catch (const NotFoundError& e) {
          throw NotFoundError(where, fmt::format("scenario '{}' not found", name), e.fix());
        }
      }
      spec_.scenario_names.push_back(name);
      spec_.scenario_files.push_back(file);
      spec_.scenarios.push_back(LoadScenario(file));
      scenario_places_.push_back(where);
    }
  }

  // The measure's index in every scenario, or an error at `where` naming the closest id.
  void CheckMeasure(const std::string& id, const Location& where) {
    for (std::size_t s = 0; s < spec_.scenarios.size(); ++s) {
      const Scenario& scenario = spec_.scenarios[s];
      const Measure* measure = scenario.FindMeasure(id);
      if (!measure) {
        std::vector<std::string> ids;
        for (const Measure& m : scenario.measures) ids.push_back(m.id);
        r_.Fail(where,
                fmt::format("unknown measure '{}' in scenario {}", id, spec_.scenario_names[s]),
                detail::DidYouMeanOr(id, ids, "`ricardo scenario explain` lists the measures"));
      }
      if (!measure->rate_from_baseline.empty())
        r_.Fail(where,
                fmt::format("measure '{}' takes its rate from the baseline (rate_from_baseline = "
                            "\"{}\"), so a sweep cannot set it",
                            id, measure->rate_from_baseline),
                "sweep a measure with a stated rate");
    }
  }

  std::vector<double> RateValues(const toml::node& node, const std::string& path,
                                 const std::string& measure) {
    const Location where = r_.At(node, path);
    std::vector<double> rates;
    if (const toml::array* array = node.as_array()) {
      if (array->empty())
        r_.Fail(where, fmt::format("the rates of '{}' are empty", measure),
                "give at least one rate, e.g. [0.25, 0.5]");
      std::size_t k = 0;
      for (const toml::node& element : *array) {
        const std::string entry = fmt::format("{}[{}]", path, k++);
        const double rate = NumberAt(element, entry, "a rate such as 0.25");
        CheckRate(rate, r_.At(element, entry), measure);
        if (std::find(rates.begin(), rates.end(), rate) != rates.end())
          r_.Fail(r_.At(element, entry),
                  fmt::format("rate {} of '{}' is listed twice", rate, measure),
                  "list each rate once");
        rates.push_back(rate);
      }
      return rates;
    }
    const toml::table* range = node.as_table();
    if (!range)
      r_.Fail(where,
              fmt::format("the rates of '{}' must be an array or a range, not {}", measure,
                          TypeName(node)),
              fmt::format("write \"{}\" = [0.1, 0.25] or \"{}\" = {{ from = 0.1, to = 0.5, step = "
                          "0.05 }}",
                          measure, measure));
    r_.CheckKeys(*range, kRangeKeys, fmt::format("the range of '{}'", measure), path);
    for (const std::string& key : kRangeKeys) {
      if (!range->contains(key))
        r_.Fail(where, fmt::format("the range of '{}' has no '{}'", measure, key),
                "a range needs from, to and step, e.g. { from = 0.1, to = 0.5, step = 0.05 }");
    }
    const double from = NumberAt(*range->get("from"), JoinPath(path, "from"), "from = 0.1");
    const double to = NumberAt(*range->get("to"), JoinPath(path, "to"), "to = 0.5");
    const double step = NumberAt(*range->get("step"), JoinPath(path, "step"), "step = 0.05");
    CheckRate(from, r_.At(*range->get("from"), path), measure);
    CheckRate(to, r_.At(*range->get("to"), path), measure);
    if (!(step > 0.0) || !std::isfinite(step))
      r_.Fail(r_.At(*range->get("step"), path), fmt::format("step {} is not positive", step),
              "write a step above 0, e.g. step = 0.05");
    if (to < from)
      r_.Fail(where, fmt::format("the range of '{}' runs from {} down to {}", measure, from, to),
              "write from ≤ to");
    const double steps = (to - from) / step;
    const double whole = std::round(steps);
    if (std::abs(steps - whole) > kRangeStepSlack * std::max(1.0, steps))
      r_.Fail(where,
              fmt::format("the range of '{}' from {} by {} does not reach {} ({} steps)", measure,
                          from, step, to, steps),
              "choose a step that divides to − from, or list the rates");
    if (whole + 1 > static_cast<double>(kMaxSweepPoints))
      throw LimitError(where,
                       fmt::format("the range of '{}' has {} rates, more than the {} points a "
                                   "sweep may have",
                                   measure, whole + 1, kMaxSweepPoints),
                       "use a larger step");
    const auto count = static_cast<std::size_t>(whole) + 1;
    // Each rate from `from` by whole steps (not by adding steps up, which drifts), the last
    // exactly `to`, so the values printed are the ones written.
    for (std::size_t k = 0; k < count; ++k)
      rates.push_back(k + 1 == count ? to : from + static_cast<double>(k) * step);
    return rates;
  }

  void ReadGrid(const toml::table& root) {
    const toml::table* axes = r_.Table(root, "axes", "");
    r_.CheckKeys(*axes, kAxesKeys, "[axes]", "axes");
    if (root.contains("theta_seed"))
      r_.Fail(r_.ValueAt(root, "theta_seed", ""), "theta_seed is for a list of [[points]]",
              "in a grid, write the seed in [axes]: theta_draws = { count = 100, seed = 1 }");
    if (axes->contains("dates")) {
      const toml::array& array = NonEmptyArray(*axes, "dates", "axes", "[2025-06-01, 2025-11-01]");
      std::size_t k = 0;
      for (const toml::node& node : array) {
        const std::string path = fmt::format("dates[{}]", k++);
        const Date date = DateAt(node, path);
        if (std::find(spec_.dates.begin(), spec_.dates.end(), date) != spec_.dates.end())
          r_.Fail(r_.At(node, path), fmt::format("date {} is listed twice", date.ToString()),
                  "list each date once");
        spec_.dates.push_back(date);
      }
    }
    if (axes->contains("usmca_share")) {
      const toml::array& array = NonEmptyArray(*axes, "usmca_share", "axes", "[0.5, 0.9]");
      std::size_t k = 0;
      for (const toml::node& node : array) {
        const std::string path = fmt::format("usmca_share[{}]", k++);
        const double share = NumberAt(node, path, "a share such as 0.9");
        CheckShare(share, r_.At(node, path));
        if (std::find(spec_.usmca_shares.begin(), spec_.usmca_shares.end(), share) !=
            spec_.usmca_shares.end())
          r_.Fail(r_.At(node, path), fmt::format("USMCA share {} is listed twice", share),
                  "list each share once");
        spec_.usmca_shares.push_back(share);
      }
    }
    if (axes->contains("theta_draws")) ReadThetaDraws(*axes);
    if (axes->contains("rates")) {
      const toml::table* rates = r_.Table(*axes, "rates", "axes");
      if (rates->empty())
        r_.Fail(r_.ValueAt(*axes, "rates", "axes"), "'rates' is empty",
                "give a measure and its rates, e.g. rates = { \"s232-steel\" = [0.25, 0.5] }, "
                "or leave the key out");
      for (const auto& [key, value] : InSourceOrder(*rates)) {
        const std::string id(key->str());
        CheckMeasure(id, r_.AtKey(*key, id));
        spec_.rate_axes.push_back({id, RateValues(*value, JoinPath("rates", id), id)});
        spec_.rate_measures.push_back(id);
      }
    }
    if (spec_.dates.empty()) CheckScenarioDates();
    // Compiles in grid order: scenario, then date, then share.
    const std::size_t dates = std::max<std::size_t>(1, spec_.dates.size());
    const std::size_t shares = std::max<std::size_t>(1, spec_.usmca_shares.size());
    CheckCompiles(spec_.scenarios.size() * dates * shares, r_.ValueAt(root, "axes", ""));
    for (std::size_t s = 0; s < spec_.scenarios.size(); ++s) {
      for (std::size_t d = 0; d < dates; ++d) {
        for (std::size_t u = 0; u < shares; ++u) {
          SweepCompile c;
          c.scenario = s;
          if (!spec_.dates.empty()) c.date = spec_.dates[d];
          if (!spec_.usmca_shares.empty()) c.usmca_share = spec_.usmca_shares[u];
          spec_.compiles.push_back(c);
        }
      }
    }
    // The product of the axes, refused before it overflows.
    double points = static_cast<double>(spec_.compiles.size()) *
                    static_cast<double>(std::max<std::uint64_t>(1, spec_.theta_draw_count));
    for (const SweepRateAxis& axis : spec_.rate_axes)
      points *= static_cast<double>(axis.rates.size());
    if (points > static_cast<double>(kMaxSweepPoints))
      throw LimitError(r_.ValueAt(root, "axes", ""),
                       fmt::format("the grid has {:.0f} points, more than the {} a sweep may have",
                                   points, kMaxSweepPoints),
                       "sweep fewer values, or split the study into several specs (docs/sweep.md, "
                       "Limits)");
  }

  void ReadThetaDraws(const toml::table& table) {
    const toml::table* draws = r_.Table(table, "theta_draws", "axes");
    r_.CheckKeys(*draws, {"count", "seed"}, "theta_draws", "axes.theta_draws");
    const auto count = Integer(*draws, "count", "axes.theta_draws", "count = 100");
    if (!count)
      r_.Fail(r_.ValueAt(table, "theta_draws", "axes"), "theta_draws has no 'count'",
              "write theta_draws = { count = 100, seed = 1 }");
    if (*count < 1 || *count > static_cast<std::int64_t>(kMaxSweepPoints))
      r_.Fail(r_.ValueAt(*draws, "count", "axes.theta_draws"),
              fmt::format("theta_draws count is {}, must be 1 … {}", *count, kMaxSweepPoints),
              "give the number of elasticity draws, e.g. count = 100");
    spec_.theta_draw_count = static_cast<std::uint64_t>(*count);
    if (const auto seed = Integer(*draws, "seed", "axes.theta_draws", "seed = 1")) {
      if (*seed < 0)
        r_.Fail(r_.ValueAt(*draws, "seed", "axes.theta_draws"),
                fmt::format("seed is {}, must be 0 or more", *seed), "write seed = 1");
      spec_.theta_seed = static_cast<std::uint64_t>(*seed);
    }
  }

  // Every compile needs a date: from the axis, the point, or the scenario.
  void CheckScenarioDates() {
    for (std::size_t s = 0; s < spec_.scenarios.size(); ++s) {
      if (!spec_.scenarios[s].date)
        r_.Fail(scenario_places_[s],
                fmt::format("scenario {} has no date, and the sweep gives none",
                            spec_.scenario_names[s]),
                "add dates = [2025-11-01] to [axes]");
    }
  }

  void CheckCompiles(std::size_t count, const Location& where) {
    if (count > kMaxSweepCompiles)
      throw LimitError(where,
                       fmt::format("the sweep needs {} compiles (scenarios × dates × USMCA "
                                   "shares), more than the {} one sweep may have",
                                   count, kMaxSweepCompiles),
                       "sweep fewer dates or shares per spec (docs/sweep.md, Limits)");
  }

  void ReadList(const toml::table& root) {
    const toml::array* points = r_.TableArray(root, "points", "");
    if (points->empty())
      r_.Fail(r_.ValueAt(root, "points", ""), "'points' is empty",
              "add [[points]] tables, each with the values of one point");
    if (points->size() > kMaxSweepPoints)
      throw LimitError(r_.ValueAt(root, "points", ""),
                       fmt::format("the spec lists {} points, more than the {} a sweep may have",
                                   points->size(), kMaxSweepPoints),
                       "split the study into several specs (docs/sweep.md, Limits)");
    spec_.list_mode = true;
    if (const auto seed = Integer(root, "theta_seed", "", "theta_seed = 1")) {
      if (*seed < 0)
        r_.Fail(r_.ValueAt(root, "theta_seed", ""),
                fmt::format("theta_seed is {}, must be 0 or more", *seed), "write theta_seed = 1");
      spec_.theta_seed = static_cast<std::uint64_t>(*seed);
    }
    std::size_t k = 0;
    std::vector<std::pair<std::size_t, std::vector<std::pair<std::string, double>>>> named;
    for (const toml::node& node : *points) {
      const std::string path = fmt::format("points[{}]", k++);
      const toml::table& table = *node.as_table();
      r_.CheckKeys(table, kPointKeys, "[[points]]", path);
      SweepCompile compile;
      if (const auto name = r_.String(table, "scenario", path)) {
        const auto it = std::find(spec_.scenario_names.begin(), spec_.scenario_names.end(), *name);
        if (it == spec_.scenario_names.end())
          r_.Fail(r_.ValueAt(table, "scenario", path),
                  fmt::format("scenario '{}' is not one of the spec's scenarios", *name),
                  detail::DidYouMeanOr(*name, spec_.scenario_names,
                                       "add it to scenarios = [...] at the top"));
        compile.scenario = static_cast<std::size_t>(it - spec_.scenario_names.begin());
      }
      if (table.contains("date")) {
        compile.date = DateAt(*table.get("date"), JoinPath(path, "date"));
      } else if (!spec_.scenarios[compile.scenario].date) {
        r_.Fail(r_.At(node, path),
                fmt::format("{} has no date, and scenario {} has none", path,
                            spec_.scenario_names[compile.scenario]),
                "add date = 2025-11-01 to the point");
      }
      if (table.contains("usmca_share")) {
        const double share =
            NumberAt(*table.get("usmca_share"), JoinPath(path, "usmca_share"), "usmca_share = 0.9");
        CheckShare(share, r_.ValueAt(table, "usmca_share", path));
        compile.usmca_share = share;
      }
      SweepPoint point;
      auto found = std::find(spec_.compiles.begin(), spec_.compiles.end(), compile);
      if (found == spec_.compiles.end()) {
        CheckCompiles(spec_.compiles.size() + 1, r_.At(node, path));
        found = spec_.compiles.insert(spec_.compiles.end(), compile);
      }
      point.compile = static_cast<std::size_t>(found - spec_.compiles.begin());
      if (const auto draw = Integer(table, "theta_draw", path, "theta_draw = 0")) {
        if (*draw < 0)
          r_.Fail(r_.ValueAt(table, "theta_draw", path),
                  fmt::format("theta_draw is {}, must be 0 or more", *draw),
                  "number the elasticity draws from 0");
        point.theta_draw = static_cast<std::uint64_t>(*draw);
      }
      std::vector<std::pair<std::string, double>> rates;
      if (table.contains("rates")) {
        const toml::table* rate_table = r_.Table(table, "rates", path);
        for (const auto& [key, value] : InSourceOrder(*rate_table)) {
          const std::string id(key->str());
          const std::string entry = JoinPath(JoinPath(path, "rates"), id);
          CheckMeasure(id, r_.AtKey(*key, entry));
          const double rate = NumberAt(*value, entry, "a rate such as 0.25");
          CheckRate(rate, r_.At(*value, entry), id);
          rates.emplace_back(id, rate);
          if (std::find(spec_.rate_measures.begin(), spec_.rate_measures.end(), id) ==
              spec_.rate_measures.end())
            spec_.rate_measures.push_back(id);
        }
      }
      named.emplace_back(spec_.listed_points.size(), std::move(rates));
      spec_.listed_points.push_back(std::move(point));
    }
    // Rate columns are known once every point is read.
    for (auto& [index, rates] : named) {
      SweepPoint& point = spec_.listed_points[index];
      point.rates.assign(spec_.rate_measures.size(), std::nullopt);
      for (const auto& [id, rate] : rates) {
        const auto column = std::find(spec_.rate_measures.begin(), spec_.rate_measures.end(), id);
        point.rates[static_cast<std::size_t>(column - spec_.rate_measures.begin())] = rate;
      }
    }
  }

  TomlReader r_;
  std::filesystem::path base_;
  SweepSpec spec_;
  std::vector<Location> scenario_places_;
};

}  // namespace

SweepSpec ParseSweepSpec(std::string_view toml_text, const std::string& source_name,
                         const std::filesystem::path& base_directory) {
  return SpecParser(source_name, base_directory).Parse(toml_text);
}

SweepSpec LoadSweepSpec(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec))
    throw NotFoundError(Location{file.string(), 0, 0, ""}, "sweep spec not found",
                        "give the path of a .toml file; docs/sweep.md has an example");
  // A spec is hand-written TOML like a scenario: the same checks and cap (16 MiB).
  return ParseSweepSpec(detail::ReadRegularFile(file, detail::kScenarioFileKind), file.string(),
                        file.parent_path());
}

}  // namespace ricardo
