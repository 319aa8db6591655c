// The flag on sectors with a high trade elasticity: a warning line and a table of their largest
// changes under the run's θ and re-solved under the alternative θ (RunResult::elasticity_flags).
#include "fmt/format.h"
#include "report/labels.hpp"
#include "report/run_tables.hpp"
#include "report/run_views.hpp"

namespace ricardo::detail {
namespace {

std::string ChangeLabel(const Baseline& b, const FlaggedChange& c) {
  const std::string& region = b.regions[c.region].code;
  const std::string& partner = b.regions[c.partner].code;
  switch (c.measure) {
    case FlaggedMeasure::kGrossOutput: return "gross output of " + region;
    case FlaggedMeasure::kSectorImports: return "imports of " + region + " from " + partner;
    case FlaggedMeasure::kPairImports:
      return "imports of " + region + " from " + partner + ", all sectors";
  }
  return ToString(c.measure);
}

}  // namespace

std::string ElasticityFlagWarning(const RunResult& r) {
  const auto& flags = r.elasticity_flags;
  std::string sectors;
  for (std::size_t k = 0; k < flags.size(); ++k) {
    if (k > 0) sectors += k + 1 == flags.size() ? " and " : ", ";
    sectors += fmt::format("{} (θ = {:g})", SectorLabel(r.baseline.sectors[flags[k].sector]),
                           flags[k].theta);
  }
  const ElasticityFlag& f = flags.front();
  return fmt::format(
      "High trade elasticity: {} {} above {:g}, so small price changes move {} trade and "
      "output a lot. The last table shows {} largest changes again with θ = {:g} ({}).",
      sectors, flags.size() == 1 ? "is" : "are", f.theta_threshold,
      flags.size() == 1 ? "its" : "their", flags.size() == 1 ? "its" : "their", f.alternative_theta,
      f.alternative_source);
}

TextTable ElasticityFlagTable(const RunResult& r, const MoneyDisplay& money) {
  const Baseline& b = r.baseline;
  const Manifest& m = b.manifest;
  const ElasticityFlag& first = r.elasticity_flags.front();
  TextTable t;
  t.title = fmt::format(
      "Sectors with a high trade elasticity (θ above {:g}): largest changes, and the same "
      "re-solved with the sector's θ = {:g} ({})",
      first.theta_threshold, first.alternative_theta, first.alternative_source);
  const std::string alternative = fmt::format("θ = {:g}: after", first.alternative_theta);
  t.headers = {"Sector", "θ",        "Change in", money.label + ": before",
               "after",  "Change %", alternative, "Change %"};
  t.align = {Align::kLeft, Align::kRight, Align::kLeft};
  t.align.resize(t.headers.size(), Align::kRight);
  std::string failures;
  for (const ElasticityFlag& f : r.elasticity_flags) {
    const std::string code = SectorLabel(b.sectors[f.sector]);
    for (const FlaggedChange& c : f.changes) {
      t.AddRow({code, fmt::format("{:g}", f.theta), ChangeLabel(b, c),
                Fixed(money(m, c.value_base), 1), Fixed(money(m, c.value_new), 1),
                SignedFixed(100.0 * c.change(), 2), Fixed(money(m, c.value_new_alternative), 1),
                SignedFixed(100.0 * c.change_alternative(), 2)});
    }
    if (!f.alternative_converged()) {
      failures += fmt::format(" The re-solve of {} with θ = {:g} failed ({}): n/a.", code,
                              f.alternative_theta, f.alternative_message);
    }
  }
  t.note = fmt::format(
      "The θ = {:g} columns solve the whole model again with only that sector's θ replaced; "
      "every other number in this report uses the θ in the second column (Caliendo and Parro "
      "2015). Rows, chosen under that θ: the region whose output of the sector moves most in "
      "percent (among those with at least {:g}% of its world output), the pair whose imports of "
      "the sector move most in money and its imports over all sectors, and the run's largest "
      "percent change in a pair's imports.{}",
      first.alternative_theta, 100.0 * first.min_output_share, failures);
  return t;
}

}  // namespace ricardo::detail
