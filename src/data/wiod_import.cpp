// WIOD 2013 release → Baseline (see include/ricardo/wiod.hpp and docs/baseline-format.md
// ("Importers")).
#include <cmath>
#include <cstdlib>
#include <map>

#include "data/shared_directory.hpp"
#include "data/wiod_table.hpp"
#include "fmt/format.h"
#include "ricardo/calibrate.hpp"
#include "ricardo/error.hpp"
#include "ricardo/paths.hpp"
#include "ricardo/wiod.hpp"
#include "ricardo/wiod_industries.hpp"

namespace ricardo::wiod {
namespace {

using data_internal::LabelledMatrix;

constexpr std::size_t J = kIndustries.size();

// WIOD's labels are ISO3 except Romania (ROM) and the rest of the world (RoW).
std::string RegionCode(const std::string& wiod) {
  if (wiod == "ROM") return "ROU";
  if (wiod == "RoW") return "ROW";
  return wiod;
}

std::string RegionName(const std::string& code) {
  static const std::map<std::string, std::string> names = {{"AUS", "Australia"},
                                                           {"AUT", "Austria"},
                                                           {"BEL", "Belgium"},
                                                           {"BGR", "Bulgaria"},
                                                           {"BRA", "Brazil"},
                                                           {"CAN", "Canada"},
                                                           {"CHN", "China"},
                                                           {"CYP", "Cyprus"},
                                                           {"CZE", "Czech Republic"},
                                                           {"DEU", "Germany"},
                                                           {"DNK", "Denmark"},
                                                           {"ESP", "Spain"},
                                                           {"EST", "Estonia"},
                                                           {"FIN", "Finland"},
                                                           {"FRA", "France"},
                                                           {"GBR", "United Kingdom"},
                                                           {"GRC", "Greece"},
                                                           {"HUN", "Hungary"},
                                                           {"IDN", "Indonesia"},
                                                           {"IND", "India"},
                                                           {"IRL", "Ireland"},
                                                           {"ITA", "Italy"},
                                                           {"JPN", "Japan"},
                                                           {"KOR", "Korea"},
                                                           {"LTU", "Lithuania"},
                                                           {"LUX", "Luxembourg"},
                                                           {"LVA", "Latvia"},
                                                           {"MEX", "Mexico"},
                                                           {"MLT", "Malta"},
                                                           {"NLD", "Netherlands"},
                                                           {"POL", "Poland"},
                                                           {"PRT", "Portugal"},
                                                           {"ROU", "Romania"},
                                                           {"RUS", "Russia"},
                                                           {"SVK", "Slovak Republic"},
                                                           {"SVN", "Slovenia"},
                                                           {"SWE", "Sweden"},
                                                           {"TUR", "Turkey"},
                                                           {"TWN", "Taiwan"},
                                                           {"USA", "United States"},
                                                           {"ROW", "Rest of the world"}};
  const auto it = names.find(code);
  return it == names.end() ? code : it->second;
}

// "USA_c12" → (region label, industry index); throws DataError otherwise.
std::pair<std::string, std::size_t> SplitLabel(const std::string& label, const std::string& file,
                                               long line, long column) {
  const std::size_t underscore = label.find('_');
  if (underscore != std::string::npos) {
    const std::string region = label.substr(0, underscore);
    const std::string industry = label.substr(underscore + 1);
    for (std::size_t j = 0; j < J; ++j) {
      if (kIndustries[j].wiod_code == industry) return {region, j};
    }
  }
  throw DataError(Location{file, line, column, ""},
                  fmt::format("label '{}' is not REGION_cN with N in 1..35", label),
                  "the WIOD 2013 tables label rows and columns like USA_c12");
}

// Region labels in table order, checking that rows are region-major with the 35 industries in
// order (the layout every other step relies on).
std::vector<std::string> RegionLabels(const LabelledMatrix& m) {
  std::vector<std::string> regions;
  for (std::size_t r = 0; r < m.row_labels.size(); ++r) {
    const auto [region, j] = SplitLabel(m.row_labels[r], m.file, static_cast<long>(r + 2), 1);
    if (j != r % J || (j == 0) != (regions.empty() || regions.back() != region)) {
      throw DataError(Location{m.file, static_cast<long>(r + 2), 1, ""},
                      fmt::format("row '{}' is out of order", m.row_labels[r]),
                      "rows must list each region's industries c1..c35 in order");
    }
    if (j == 0) regions.push_back(region);
  }
  if (m.row_labels.size() != regions.size() * J) {
    throw DataError(Location{m.file, 0, 0, ""}, "the last region has fewer than 35 industries",
                    "the file is truncated; copy it again");
  }
  return regions;
}

std::map<std::string, std::size_t> IndexOf(const std::vector<std::string>& labels) {
  std::map<std::string, std::size_t> index;
  for (std::size_t k = 0; k < labels.size(); ++k) index[labels[k]] = k;
  return index;
}

}  // namespace

const char* ToString(TariffSource source) {
  switch (source) {
    case TariffSource::kNone: return "none";
    case TariffSource::kCp2015Year2005: return "cp2015-2005";
  }
  return "unknown";
}

std::filesystem::path DefaultSourceDirectory() {
  return data_internal::SharedDataFolder("RICARDO_WIOD_DIR", "wiod2013");
}

ImportResult Import(const ImportOptions& options) {
  if (options.year < kFirstYear || options.year > kLastYear) {
    throw ArgumentError(fmt::format("WIOD 2013 has no table for {}", options.year),
                        fmt::format("choose a year from {} to {}", kFirstYear, kLastYear));
  }
  const std::filesystem::path source =
      options.source_directory.empty() ? DefaultSourceDirectory() : options.source_directory;
  if (source.empty() || !std::filesystem::is_directory(source)) {
    throw NotFoundError(Location{source.empty() ? "WIOD directory" : source.string(), 0, 0, ""},
                        "the WIOD 2013 tables were not found",
                        "pass the directory holding wiotYYYY_inter.csv.gz (or set "
                        "RICARDO_WIOD_DIR)");
  }
  ImportResult result;
  auto& notes = result.notes;
  const data_internal::WiodYear table = data_internal::ReadWiodYear(source, options.year);
  const LabelledMatrix& inter = table.intermediate;
  const LabelledMatrix& final_use = table.final_use;

  const std::vector<std::string> labels = RegionLabels(inter);
  const std::size_t N = labels.size();
  const auto region_of = IndexOf(labels);
  if (inter.column_labels != inter.row_labels) {
    throw DataError(Location{inter.file, 1, 0, ""},
                    "the columns do not list the same country-industries as the rows",
                    "the intermediate-use table must be square with matching labels");
  }
  if (final_use.row_labels != inter.row_labels || table.output.row_labels != inter.row_labels) {
    throw DataError(Location{final_use.file, 0, 0, ""},
                    "the rows do not match those of the intermediate-use table",
                    "use the three files of the same year");
  }
  // Final-use columns: REGION_c37_hh etc.; the destination region is the part before '_'.
  std::vector<std::size_t> final_destination(final_use.column_labels.size());
  for (std::size_t c = 0; c < final_use.column_labels.size(); ++c) {
    const std::string& label = final_use.column_labels[c];
    const auto it = region_of.find(label.substr(0, label.find('_')));
    if (it == region_of.end()) {
      throw DataError(Location{final_use.file, 1, static_cast<long>(c + 2), ""},
                      fmt::format("column '{}' names no region of the table", label),
                      "columns are REGION_c37_hh, REGION_c38_npish, ... for the same regions");
    }
    final_destination[c] = it->second;
  }

  std::vector<Region> regions;
  for (const auto& label : labels)
    regions.push_back({RegionCode(label), RegionName(RegionCode(label))});
  std::vector<Sector> sectors;
  for (const auto& industry : kIndustries) {
    sectors.push_back({std::string(industry.code), std::string(industry.name), true, 0.0,
                       std::string(industry.isic_rev3)});
  }
  Baseline b = MakeEmptyBaseline(regions, sectors);

  // Sales of (exporter i, industry j) to each destination n, and intermediate purchases.
  Array3 use(N, J, J);  // (n, input k, using j), all origins
  double negative_final = 0.0;
  std::size_t negative_final_cells = 0;
  for (std::size_t row = 0; row < inter.row_labels.size(); ++row) {
    const std::size_t i = row / J, j = row % J;
    for (std::size_t col = 0; col < inter.column_labels.size(); ++col) {
      const double v = inter(row, col);
      const std::size_t n = col / J, k = col % J;
      b.trade_flows(n, i, j) += v;
      use(n, j, k) += v;
    }
    for (std::size_t col = 0; col < final_use.column_labels.size(); ++col) {
      const double v = final_use(row, col);
      if (v < 0.0) {
        negative_final += v;
        ++negative_final_cells;
      }
      b.trade_flows(final_destination[col], i, j) += v;
    }
  }
  if (negative_final_cells > 0) {
    notes.push_back(
        fmt::format("{} negative final-use entries (inventory drawdowns and a few "
                    "negative investment entries, total {:.0f} US$ million) are "
                    "kept: they net against the other sales of the same cell",
                    negative_final_cells, negative_final));
  }
  std::size_t clipped = 0;
  double clipped_total = 0.0;
  std::string clipped_list;
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < J; ++j) {
        if (b.trade_flows(n, i, j) < 0.0) {
          ++clipped;
          clipped_total += b.trade_flows(n, i, j);
          if (clipped <= 8) {
            clipped_list +=
                fmt::format("{}{}<-{} {} {:.0f}", clipped_list.empty() ? "" : ", ", regions[n].code,
                            regions[i].code, sectors[j].code, b.trade_flows(n, i, j));
          }
          b.trade_flows(n, i, j) = 0.0;
        }
      }
  if (clipped > 0) {
    notes.push_back(
        fmt::format("{} sales cells negative after netting inventory drawdowns (total "
                    "{:.0f} US$ million) set to 0: {}{}",
                    clipped, clipped_total, clipped_list, clipped > 8 ? ", ..." : ""));
  }

  // Gross output = the sum of sales; compare with the table's own output column.
  const Array2 output = GrossOutput(b);
  double worst_gap = 0.0;
  std::string worst_cell;
  for (std::size_t row = 0; row < table.output.row_labels.size(); ++row) {
    const double gap = std::abs(output(row / J, row % J) - table.output(row, 0));
    if (gap > worst_gap) {
      worst_gap = gap;
      worst_cell = table.output.row_labels[row];
    }
  }
  notes.push_back(
      fmt::format("gross output is the sum of sales; it differs from the table's "
                  "output column by at most {:.0f} US$ million ({})",
                  worst_gap, worst_cell.empty() ? "none" : worst_cell));

  std::size_t no_output = 0, value_added_clipped = 0;
  std::string clipped_cells;
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t j = 0; j < J; ++j) {
      double inputs = 0.0;
      for (std::size_t k = 0; k < J; ++k) inputs += use(n, k, j);
      const double go = output(n, j);
      if (go <= 0.0) {
        ++no_output;
        b.value_added_share(n, j) = 1.0;  // no output, no inputs
        continue;
      }
      double gamma = 1.0 - inputs / go;
      if (gamma < 0.0) {
        ++value_added_clipped;
        clipped_cells +=
            fmt::format("{}{} {} (inputs {:.0f}, output {:.0f})", clipped_cells.empty() ? "" : ", ",
                        regions[n].code, sectors[j].code, inputs, go);
        gamma = 0.0;
      }
      b.value_added_share(n, j) = gamma;
      for (std::size_t k = 0; k < J; ++k) {
        b.input_shares(n, k, j) = inputs > 0.0 ? use(n, k, j) / inputs : 0.0;
      }
    }
  }
  if (no_output > 0) {
    notes.push_back(
        fmt::format("{} region-industries have no output (mostly c35, private "
                    "households): value-added share 1, no inputs",
                    no_output));
  }
  if (value_added_clipped > 0) {
    notes.push_back(
        fmt::format("{} region-industries buy more inputs than their output; their "
                    "value-added share is set to 0: {}",
                    value_added_clipped, clipped_cells));
  }

  // Tradable: the industry is traded across borders somewhere in the table.
  for (std::size_t j = 0; j < J; ++j) {
    bool traded = false;
    for (std::size_t n = 0; n < N && !traded; ++n)
      for (std::size_t i = 0; i < N && !traded; ++i) traded = i != n && b.trade_flows(n, i, j) > 0;
    b.sectors[j].tradable = traded;
  }

  const cp2015::RawData cp = cp2015::ReadRaw(
      options.cp2015_directory.empty() ? cp2015::ShippedDataDirectory() : options.cp2015_directory);
  std::vector<double> theta_se;
  const std::vector<double> theta = ThetaFromCp2015(cp, &notes, &theta_se);
  for (std::size_t j = 0; j < J; ++j) {
    b.sectors[j].theta = theta[j];
    b.sectors[j].theta_se = theta_se[j];
  }
  notes.push_back(
      fmt::format("theta of the 19 service industries = {} (Caliendo–Parro's value "
                  "for their non-tradable sectors; no estimate for services trade)",
                  cp2015::kNonTradableTheta));
  if (options.tariffs == TariffSource::kCp2015Year2005) {
    b.tariff_rates = TariffsFromCp2015(cp, b.regions, &notes);
    notes.push_back(
        "tariffs: Caliendo–Parro's 2005 applied rates, CP sectors aggregated to WIOD "
        "industries with each pair's 1993 trade as weights; zero among the 27 EU "
        "members of 2011 and on services");
  } else {
    notes.push_back("tariffs: none (WIOD has no tariffs)");
  }

  std::vector<std::string> alpha_clipped;
  b.final_demand_share = FinalDemandSharesFromIdentity(b, &alpha_clipped);
  if (!alpha_clipped.empty()) {
    std::string list;
    for (const auto& c : alpha_clipped) list += (list.empty() ? "" : ", ") + c;
    notes.push_back(
        fmt::format("final-demand shares from the expenditure identity; {} negative "
                    "ones set to 0: {}",
                    alpha_clipped.size(), list));
  } else {
    notes.push_back("final-demand shares from the expenditure identity (none negative)");
  }

  b.manifest.name = fmt::format("wiod2013-{}", options.year);
  b.manifest.title = fmt::format(
      "World Input-Output Database (2013 release), {}: 41 regions x "
      "35 industries",
      options.year);
  b.manifest.year = options.year;
  b.manifest.currency = "USD";
  b.manifest.money_unit = 1e6;
  b.manifest.source = fmt::format(
      "WIOD 2013 release, world input-output table {} (wiot{}_inter/final/output), via the R "
      "package 'wiod'; theta and tariffs ({}) from Caliendo and Parro (2015)",
      options.year, options.year, ToString(options.tariffs));
  b.manifest.licence =
      "WIOD: free to use with citation of Timmer, Dietzenbacher, Los, Stehrer and "
      "de Vries (2015), Review of International Economics; Caliendo–Parro: "
      "replication data, cite the paper";

  if (options.calibrate) {
    CalibrationOptions calibration;
    calibration.deficits = DeficitTreatment::kKeep;
    calibration.solver = options.solver;
    CalibrationResult calibrated = CalibrateBaseYear(b, calibration);
    b = std::move(calibrated.baseline);
    result.calibration = calibrated.summary;
    notes.push_back(
        fmt::format("calibrated: the equilibrium at zero shock with the {} trade "
                    "surpluses kept ({})",
                    options.year, calibrated.summary.BriefReport()));
  }
  std::string joined;
  for (const auto& note : notes) joined += "- " + note + "\n";
  b.manifest.notes = joined;
  result.baseline = std::move(b);
  return result;
}

}  // namespace ricardo::wiod
