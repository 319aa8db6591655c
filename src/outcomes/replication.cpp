#include "ricardo/replication.hpp"

#include <chrono>
#include <cmath>

#include "ricardo/outcomes.hpp"

namespace ricardo {
namespace {

// The published targets (Caliendo and Parro 2015, Tables 2, 3, 5 and 11) and the values the
// authors' code prints for Table 2 and for the exact real-income change of the same equilibrium.
struct CountryTargets {
  const char* code;
  const char* name;
  double welfare, tot, vot, real_wage;              // Table 2, 2 decimals
  double welfare4, tot4, vot4, real_wage4;          // authors' code, 4 decimals
  double welfare_exact4;                            // exact real income, 4 decimals
  double tot_nafta, tot_rest, vot_nafta, vot_rest;  // Table 3, 2 decimals
  double imports_from_partners;                     // Table 11, 2 decimals
};
constexpr CountryTargets kTargets[] = {
    {"MEX", "Mexico", 1.31, -0.41, 1.72, 1.72, 1.3121, -0.4118, 1.7239, 1.7153, 0.0073, -0.39,
     -0.02, 1.80, -0.08, 118.28},
    {"CAN", "Canada", -0.06, -0.11, 0.04, 0.32, -0.0638, -0.1081, 0.0443, 0.3228, -0.1101, -0.09,
     -0.02, 0.08, -0.04, 11.11},
    {"USA", "United States", 0.08, 0.04, 0.04, 0.11, 0.0848, 0.0435, 0.0412, 0.1124, 0.0741, 0.03,
     0.01, 0.04, 0.00, 40.52},
};
struct PairTarget {
  const char* importer;
  const char* exporter;
  double growth;
};
constexpr PairTarget kTable5[] = {{"CAN", "MEX", 58.57},  {"CAN", "USA", 9.49},
                                  {"MEX", "CAN", 116.60}, {"MEX", "USA", 118.31},
                                  {"USA", "CAN", 6.57},   {"USA", "MEX", 109.54}};

ComparedValue Compare(double computed_fraction, bool targets, double published, int decimals) {
  ComparedValue v;
  v.computed = 100.0 * computed_fraction;
  v.decimals = decimals;
  if (targets) v.published = published;
  return v;
}

}  // namespace

bool ComparedValue::Matches() const {
  if (!published) return true;
  const double half_unit = 0.5 * std::pow(10.0, -decimals);
  return std::abs(computed - *published) <= half_unit + 1e-12;
}

int Cp2015Replication::CountCompared() const {
  int count = 0;
  auto add = [&count](const ComparedValue& v) { count += v.published ? 1 : 0; };
  for (const auto& c : countries) {
    for (const ComparedValue* v :
         {&c.welfare, &c.tot, &c.vot, &c.real_wage, &c.welfare_code, &c.tot_code, &c.vot_code,
          &c.real_wage_code, &c.welfare_exact, &c.tot_nafta, &c.tot_rest, &c.vot_nafta, &c.vot_rest,
          &c.imports_from_partners}) {
      add(*v);
    }
  }
  for (const auto& p : table5) add(p.growth);
  return count;
}

int Cp2015Replication::CountMismatches() const {
  int count = 0;
  auto add = [&count](const ComparedValue& v) { count += v.Matches() ? 0 : 1; };
  for (const auto& c : countries) {
    for (const ComparedValue* v :
         {&c.welfare, &c.tot, &c.vot, &c.real_wage, &c.welfare_code, &c.tot_code, &c.vot_code,
          &c.real_wage_code, &c.welfare_exact, &c.tot_nafta, &c.tot_rest, &c.vot_nafta, &c.vot_rest,
          &c.imports_from_partners}) {
      add(*v);
    }
  }
  for (const auto& p : table5) add(p.growth);
  return count;
}

Cp2015Replication ReplicateCp2015(const ReplicationOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  Cp2015Replication rep;
  rep.options = options;
  rep.published_targets_apply =
      !options.keep_deficits && options.experiment == cp2015::TariffExperiment::kNafta;

  const auto dir =
      options.data_directory.empty() ? cp2015::ShippedDataDirectory() : options.data_directory;
  const cp2015::RawData raw = cp2015::ReadRaw(dir);
  cp2015::BaseYear base = cp2015::BuildBaseYear(raw);
  rep.base_year_with_deficits = base.with_deficits_summary;
  rep.base_year_without_deficits = base.without_deficits_summary;
  rep.base_year_notes = base.notes;
  const Baseline& baseline = options.keep_deficits ? base.with_deficits : base.without_deficits;

  const Shock shock = cp2015::MakeShock(baseline, raw, options.experiment);
  const Solution solution = Solve(baseline, shock, options.solver);
  rep.counterfactual = solution.summary;
  const Outcomes outcomes = ComputeOutcomes(baseline, shock, solution.equilibrium);

  const bool t = rep.published_targets_apply;
  std::vector<std::size_t> nafta;
  for (const auto& target : kTargets) nafta.push_back(*baseline.FindRegion(target.code));
  for (std::size_t c = 0; c < std::size(kTargets); ++c) {
    const CountryTargets& target = kTargets[c];
    const std::size_t n = nafta[c];
    const CountryOutcome& o = outcomes.countries[n];
    ReplicationCountry row;
    row.code = target.code;
    row.name = target.name;
    row.welfare = Compare(o.welfare_linear, t, target.welfare, 2);
    row.tot = Compare(o.welfare_tot, t, target.tot, 2);
    row.vot = Compare(o.welfare_vot, t, target.vot, 2);
    row.real_wage = Compare(o.real_wage_change, t, target.real_wage, 2);
    row.welfare_code = Compare(o.welfare_linear, t, target.welfare4, 4);
    row.tot_code = Compare(o.welfare_tot, t, target.tot4, 4);
    row.vot_code = Compare(o.welfare_vot, t, target.vot4, 4);
    row.real_wage_code = Compare(o.real_wage_change, t, target.real_wage4, 4);
    row.welfare_exact = Compare(o.welfare_exact, t, target.welfare_exact4, 4);
    double tot_nafta = 0.0, vot_nafta = 0.0, imports_base = 0.0, imports_new = 0.0;
    for (std::size_t i : nafta) {
      tot_nafta += outcomes.bilateral_tot(n, i);
      vot_nafta += outcomes.bilateral_vot(n, i);
      if (i == n) continue;
      imports_base += outcomes.BilateralImportsBase(n, i);
      imports_new += outcomes.BilateralImportsNew(n, i);
    }
    row.tot_nafta = Compare(tot_nafta, t, target.tot_nafta, 2);
    row.tot_rest = Compare(o.welfare_tot - tot_nafta, t, target.tot_rest, 2);
    row.vot_nafta = Compare(vot_nafta, t, target.vot_nafta, 2);
    row.vot_rest = Compare(o.welfare_vot - vot_nafta, t, target.vot_rest, 2);
    row.imports_from_partners =
        Compare(imports_new / imports_base - 1.0, t, target.imports_from_partners, 2);
    rep.countries.push_back(std::move(row));
  }
  for (const PairTarget& pair : kTable5) {
    const std::size_t n = *baseline.FindRegion(pair.importer);
    const std::size_t i = *baseline.FindRegion(pair.exporter);
    const double growth =
        outcomes.BilateralImportsNew(n, i) / outcomes.BilateralImportsBase(n, i) - 1.0;
    rep.table5.push_back({pair.importer, pair.exporter, Compare(growth, t, pair.growth, 2)});
  }
  rep.seconds_total =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return rep;
}

}  // namespace ricardo
