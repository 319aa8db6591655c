#include <string>

#include "fmt/format.h"
#include "ricardo/replication.hpp"

namespace ricardo {
namespace {

// "   1.3121    1.31 ✓" — computed at 4 decimals, then the published value and a verdict.
std::string Cell(const ComparedValue& v) {
  // (The dash is multi-byte, so it is padded by hand.)
  if (!v.published) return fmt::format("{:>9.4f}        – {:1}", v.computed, "");
  return fmt::format("{:>9.4f} {:>8.{}f} {:1}", v.computed, *v.published, v.decimals,
                     v.Matches() ? "✓" : "✗");
}

std::string Header(std::initializer_list<const char*> groups) {
  std::string line = fmt::format("{:<16}", "");
  for (const char* g : groups) line += fmt::format(" {:^20}", g);
  line += "\n" + fmt::format("{:<16}", "");
  for (std::size_t k = 0; k < groups.size(); ++k)
    line += fmt::format(" {:>9} {:>8}  ", "ricardo", "paper");
  return line + "\n";
}

const char* ExperimentText(cp2015::TariffExperiment e) {
  return e == cp2015::TariffExperiment::kNafta
             ? "intra-NAFTA tariffs move from their 1993 to their 2005 values; all others stay "
               "at 1993"
             : "every country's tariffs move from their 1993 to their 2005 values";
}

}  // namespace

std::string FormatReplicationText(const Cp2015Replication& rep) {
  std::string out;
  out += "Caliendo and Parro (2015), \"Estimates of the Trade and Welfare Effects of NAFTA\"\n";
  out += "Computed now from the authors' raw 1993 files; published values beside each number.\n";
  out += fmt::format("Base year:      1993, {}\n",
                     rep.options.keep_deficits
                         ? "equilibrium keeping the 1993 trade deficits"
                         : "equilibrium without trade deficits (the paper's main tables)");
  out += fmt::format("Counterfactual: {}\n", ExperimentText(rep.options.experiment));
  if (!rep.published_targets_apply) {
    out +=
        "Note: the paper publishes no numbers for this configuration; only ricardo's are shown.\n";
  }

  out += "\nTable 2. Welfare effects, % (linearised decomposition of the paper's eq. 16)\n";
  out += Header({"Welfare", "Terms of trade", "Volume of trade", "Real wage"});
  for (const auto& c : rep.countries) {
    out += fmt::format("{:<16} {} {} {} {}\n", c.name, Cell(c.welfare), Cell(c.tot), Cell(c.vot),
                       Cell(c.real_wage));
  }
  if (rep.published_targets_apply) {
    out += "The same against the 4 decimals the authors' code prints:\n";
    for (const auto& c : rep.countries) {
      out += fmt::format("{:<16} {} {} {} {}\n", c.name, Cell(c.welfare_code), Cell(c.tot_code),
                         Cell(c.vot_code), Cell(c.real_wage_code));
    }
  }
  out +=
      "\nExact welfare, % (change in real income from the same equilibrium; not the "
      "linearised measure above)\n";
  for (const auto& c : rep.countries) {
    out += fmt::format("{:<16} {}\n", c.name, Cell(c.welfare_exact));
  }

  out += "\nTable 3. Bilateral welfare effects, % (linearised)\n";
  out += Header({"ToT NAFTA", "ToT rest of world", "VoT NAFTA", "VoT rest of world"});
  for (const auto& c : rep.countries) {
    out += fmt::format("{:<16} {} {} {} {}\n", c.name, Cell(c.tot_nafta), Cell(c.tot_rest),
                       Cell(c.vot_nafta), Cell(c.vot_rest));
  }

  out += "\nTable 5. Import growth, % (row imports from column)\n";
  out += Header({"from Mexico", "from Canada", "from United States"});
  for (const auto& c : rep.countries) {
    std::string line = fmt::format("{:<16}", c.name);
    for (const char* exporter : {"MEX", "CAN", "USA"}) {
      const ReplicationImportGrowth* found = nullptr;
      for (const auto& p : rep.table5) {
        if (p.importer == c.code && p.exporter == exporter) found = &p;
      }
      line += found ? " " + Cell(found->growth) : std::string(11, ' ') + "–" + std::string(9, ' ');
    }
    out += line + "\n";
  }

  out += "\nTable 11. Growth of imports from NAFTA partners, % (benchmark column)\n";
  for (const auto& c : rep.countries) {
    out += fmt::format("{:<16} {}\n", c.name, Cell(c.imports_from_partners));
  }

  out += "\n";
  out += "Base year (with deficits):    " + rep.base_year_with_deficits.BriefReport() + "\n";
  out += "Base year (without deficits): " + rep.base_year_without_deficits.BriefReport() + "\n";
  out += "Counterfactual:               " + rep.counterfactual.BriefReport() + "\n";
  if (rep.published_targets_apply) {
    const int compared = rep.CountCompared();
    const int mismatches = rep.CountMismatches();
    out += mismatches == 0
               ? fmt::format("All {} published values reproduced ({:.2f} s in total).\n", compared,
                             rep.seconds_total)
               : fmt::format("{} of {} published values NOT reproduced ({:.2f} s in total).\n",
                             mismatches, compared, rep.seconds_total);
  } else {
    out += fmt::format("Total time {:.2f} s.\n", rep.seconds_total);
  }
  return out;
}

}  // namespace ricardo
