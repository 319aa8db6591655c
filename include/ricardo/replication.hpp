// Replication of Caliendo and Parro (2015): the NAFTA counterfactual computed from the authors'
// raw files at run time, with each number next to the value the paper publishes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "ricardo/cp2015.hpp"
#include "ricardo/solver.hpp"

namespace ricardo {

struct ReplicationOptions {
  std::filesystem::path data_directory;  // the seven raw files; empty = the shipped copy
  bool keep_deficits = false;            // counterfactual on the base year with 1993 deficits
  cp2015::TariffExperiment experiment = cp2015::TariffExperiment::kNafta;
  SolverOptions solver;  // for the counterfactual
};

// A computed number and, where one exists for this configuration, the published target.
struct ComparedValue {
  double computed = 0.0;            // percent
  std::optional<double> published;  // percent, as printed
  int decimals = 2;                 // printed precision of `published`
  // True if there is no target, or the computed value rounds to it at its printed precision.
  bool Matches() const;
};

struct ReplicationCountry {
  std::string code;  // MEX, CAN, USA
  std::string name;
  // Table 2 (linearised welfare, paper eq. 16) at the paper's precision and at the precision the
  // authors' code prints (4 decimals).
  ComparedValue welfare, tot, vot, real_wage;
  ComparedValue welfare_code, tot_code, vot_code, real_wage_code;
  ComparedValue welfare_exact;  // exact change in real income, same equilibrium
  // Table 3: bilateral decomposition.
  ComparedValue tot_nafta, tot_rest, vot_nafta, vot_rest;
  // Table 11 (benchmark column): growth of imports from the two NAFTA partners.
  ComparedValue imports_from_partners;
};

struct ReplicationImportGrowth {
  std::string importer, exporter;
  ComparedValue growth;  // Table 5, percent
};

struct Cp2015Replication {
  ReplicationOptions options;
  bool published_targets_apply = false;         // only for the paper's configuration
  std::vector<ReplicationCountry> countries;    // MEX, CAN, USA
  std::vector<ReplicationImportGrowth> table5;  // six directed pairs
  SolverSummary base_year_with_deficits;
  SolverSummary base_year_without_deficits;
  SolverSummary counterfactual;
  double seconds_total = 0.0;
  std::vector<std::string> base_year_notes;

  int CountCompared() const;
  int CountMismatches() const;
};

Cp2015Replication ReplicateCp2015(const ReplicationOptions& options);

// The paper's layout for a terminal, each number next to its published value.
std::string FormatReplicationText(const Cp2015Replication& replication);
// One JSON object: table2, table3, table5, import_growth_from_partners, welfare_exact, summary.
nlohmann::json ReplicationToJson(const Cp2015Replication& replication);

}  // namespace ricardo
