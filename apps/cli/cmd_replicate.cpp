// ricardo replicate cp2015 [--json] [--keep-deficits] [--tariffs nafta|world-2005]
#include <cstdio>

#include "cli.hpp"
#include "ricardo/replication.hpp"

namespace ricardo::cli {

void RegisterReplicate(CLI::App& app, Context& context) {
  CLI::App* replicate =
      app.add_subcommand("replicate", "Reproduce published results from raw data");
  replicate->require_subcommand(1);

  struct Options {
    bool json = false;
    bool keep_deficits = false;
    std::string tariffs = "nafta";
    std::string data_dir;
    std::string algorithm = "accelerated";
  };
  auto options = std::make_shared<Options>();
  CLI::App* cp = AddCommand(
      *replicate, context, "cp2015",
      "Caliendo and Parro (2015), NAFTA's tariff reductions: Tables 2, 3, 5 and 11",
      [options]() -> int {
        ReplicationOptions ro;
        ro.data_directory = options->data_dir;
        ro.keep_deficits = options->keep_deficits;
        ro.experiment = options->tariffs == "world-2005" ? cp2015::TariffExperiment::kWorld2005
                                                         : cp2015::TariffExperiment::kNafta;
        if (options->algorithm == "reference") {
          ro.solver.algorithm = Algorithm::kReference;
          ro.solver.check_tolerance = 1e-6;  // the authors' inner tolerance leaves ~1e-7
        }
        const Cp2015Replication rep = ReplicateCp2015(ro);
        if (options->json) {
          std::printf("%s\n", ReplicationToJson(rep).dump(2).c_str());
        } else {
          std::fputs(FormatReplicationText(rep).c_str(), stdout);
        }
        if (!rep.counterfactual.IsConverged()) {
          std::fprintf(stderr, "ricardo: the counterfactual did not converge: %s\n",
                       rep.counterfactual.message.c_str());
          return kExitNotConverged;
        }
        if (rep.CountMismatches() > 0) {
          std::fprintf(stderr, "ricardo: %d published values were not reproduced\n",
                       rep.CountMismatches());
          return kExitResultFailure;
        }
        return kExitOk;
      });
  cp->add_flag("--json", options->json, "Print one JSON object instead of tables");
  cp->add_flag("--keep-deficits", options->keep_deficits,
               "Use the base year that keeps the 1993 trade deficits");
  cp->add_option("--tariffs", options->tariffs,
                 "nafta: only intra-NAFTA tariffs change (the paper); world-2005: all tariffs "
                 "move to 2005")
      ->check(CLI::IsMember({"nafta", "world-2005"}));
  cp->add_option("--data-dir", options->data_dir,
                 "Directory with the seven raw files (default: the shipped data/cp2015)");
  cp->add_option("--algorithm", options->algorithm,
                 "accelerated (default) or reference (the authors' algorithm step for step)")
      ->check(CLI::IsMember({"accelerated", "reference"}));
}

}  // namespace ricardo::cli
