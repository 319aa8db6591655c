// ricardo data list | show | check | import cp2015|wiod2013 | aggregate | build
// world|north-america|concordance
#include <cstdio>
#include <memory>
#include <sstream>

#include "cli.hpp"
#include "fmt/format.h"
#include "ricardo/aggregate.hpp"
#include "ricardo/baseline_summary.hpp"
#include "ricardo/builtin_baselines.hpp"
#include "ricardo/cp2015.hpp"
#include "ricardo/error.hpp"
#include "ricardo/output_directory.hpp"
#include "ricardo/package.hpp"
#include "ricardo/paths.hpp"
#include "ricardo/wiod.hpp"

namespace ricardo::cli {
namespace {

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

void PrintIssues(const std::vector<PackageIssue>& issues, const char* label) {
  for (const auto& issue : issues)
    std::fprintf(stderr, "%s: %s\n", label, issue.ToString().c_str());
}

// Packages are written whole into a staging folder and swapped into place: a failure leaves no
// partial package, and --force replaces an earlier package (only a folder holding a
// manifest.toml, so a mistaken --out never deletes other files) without leaving stale tables.
void WritePackageStaged(const Baseline& baseline, const std::filesystem::path& out, bool force,
                        const std::string& provenance_markdown = {}) {
  StagedDirectoryOptions options;
  options.refuse_existing = !force;
  options.refuse_existing_fix = "pass --force to replace it";
  options.replaceable_if_contains = {"manifest.toml"};
  StagedDirectory staged(out, options);
  WritePackageOptions write;
  write.provenance_markdown = provenance_markdown;
  try {
    WritePackage(baseline, staged.path(), write);
  } catch (const ArgumentError& e) {
    // WritePackage reports a file it cannot write (a full disk) as an ArgumentError; into a
    // fresh staging folder that is the only one it can raise, and it is an output failure.
    throw OutputError(Location{out.string(), 0, 0, {}}, "cannot be written: " + e.problem(),
                      "check that the folder is writable and the disk has space");
  }
  staged.Commit();
}

void PrintNotes(const std::vector<std::string>& notes) {
  for (const auto& note : notes) std::fprintf(stderr, "note: %s\n", note.c_str());
}

void RegisterShow(CLI::App& data, Context& context) {
  struct Options {
    std::string baseline;
    bool json = false;
    std::string regions;
  };
  auto o = std::make_shared<Options>();
  CLI::App* show = AddCommand(data, context, "show",
                              "Summarise a baseline: regions, GDP, goods "
                              "trade among the focus regions, average tariffs, sectors",
                              [o]() -> int {
                                const Baseline b = LoadBaseline(o->baseline);
                                const BaselineSummary s =
                                    SummarizeBaseline(b, SplitCommas(o->regions));
                                if (o->json) {
                                  std::printf("%s\n", SummaryToJson(s).dump(2).c_str());
                                } else {
                                  std::fputs(FormatSummaryText(s).c_str(), stdout);
                                }
                                return kExitOk;
                              });
  show->add_option("baseline", o->baseline,
                   "Built-in name (ricardo data list) or package directory")
      ->required();
  show->add_flag("--json", o->json, "Print one JSON object");
  show->add_option("--regions", o->regions,
                   "Comma-separated regions whose goods trade to list (default: every region of a "
                   "baseline of up to 12, else USA,CAN,MEX)");
}

void RegisterCheck(CLI::App& data, Context& context) {
  auto baseline = std::make_shared<std::string>();
  CLI::App* check = AddCommand(
      data, context, "check", "Validate a baseline package; list every error and warning",
      [baseline]() -> int {
        const ValidationReport report = CheckPackage(ResolveBaseline(*baseline));
        PrintIssues(report.errors, "error");
        PrintIssues(report.warnings, "warning");
        if (!report.ok()) {
          std::fprintf(stderr, "%s: %zu error(s), %zu warning(s)\n", baseline->c_str(),
                       report.errors.size(), report.warnings.size());
          return kExitDataError;
        }
        std::printf("%s: ok (%zu warning(s))\n", baseline->c_str(), report.warnings.size());
        return kExitOk;
      });
  check->add_option("baseline", *baseline, "Package directory or built-in name")->required();
}

void RegisterList(CLI::App& data, Context& context) {
  AddCommand(data, context, "list", "List the built-in baselines", []() -> int {
    for (const auto& name : BuiltinBaselineNames()) {
      const Baseline b = LoadBaseline(name);
      std::printf("%-16s %s\n", name.c_str(), b.manifest.title.c_str());
    }
    return kExitOk;
  });
}

void RegisterImport(CLI::App& data, Context& context) {
  CLI::App* import = data.add_subcommand("import", "Import a data source as a baseline package");
  import->require_subcommand(1);

  struct Cp2015Options {
    std::string out, data_dir;
    bool keep_deficits = false, force = false;
  };
  auto cp = std::make_shared<Cp2015Options>();
  CLI::App* cp_cmd = AddCommand(
      *import, context, "cp2015",
      "Caliendo–Parro (2015) base year 1993, calibrated (deficit-free unless --keep-deficits)",
      [cp]() -> int {
        const auto raw =
            cp2015::ReadRaw(cp->data_dir.empty() ? cp2015::ShippedDataDirectory()
                                                 : std::filesystem::path(cp->data_dir));
        cp2015::BaseYear year = cp2015::BuildBaseYear(raw);
        Baseline& b = cp->keep_deficits ? year.with_deficits : year.without_deficits;
        b.manifest.licence =
            "replication data of Caliendo and Parro (2015), Review of Economic "
            "Studies 82(1); cite the paper";
        std::string notes;
        for (const auto& note : year.notes) notes += "- " + note + "\n";
        notes += fmt::format(
            "- calibrated by the authors' algorithm: {}\n",
            (cp->keep_deficits ? year.with_deficits_summary : year.without_deficits_summary)
                .BriefReport());
        b.manifest.notes = notes;
        WritePackageStaged(b, cp->out, cp->force);
        std::printf("wrote %s (%zu regions x %zu sectors)\n", cp->out.c_str(), b.region_count(),
                    b.sector_count());
        return kExitOk;
      });
  cp_cmd->add_option("--out", cp->out, "Directory to write the package to")->required();
  cp_cmd->add_flag("--keep-deficits", cp->keep_deficits,
                   "Keep the 1993 trade deficits (the authors' withS base year)");
  cp_cmd->add_option("--data-dir", cp->data_dir, "The seven raw files (default: data/cp2015)");
  cp_cmd->add_flag("--force", cp->force, "Overwrite an existing package");

  struct WiodOptions {
    int year = wiod::kLastYear;
    std::string out, source, tariffs = "cp2015-2005";
    bool no_calibrate = false, force = false;
  };
  auto w = std::make_shared<WiodOptions>();
  CLI::App* wiod_cmd =
      AddCommand(*import, context, "wiod2013",
                 "World Input-Output Database, 2013 release (41 regions x 35 industries), one year",
                 [w]() -> int {
                   wiod::ImportOptions options;
                   options.year = w->year;
                   options.source_directory = w->source;
                   options.tariffs = w->tariffs == "none" ? wiod::TariffSource::kNone
                                                          : wiod::TariffSource::kCp2015Year2005;
                   options.calibrate = !w->no_calibrate;
                   const wiod::ImportResult result = wiod::Import(options);
                   PrintNotes(result.notes);
                   WritePackageStaged(result.baseline, w->out, w->force);
                   std::printf("wrote %s (%zu regions x %zu sectors)\n", w->out.c_str(),
                               result.baseline.region_count(), result.baseline.sector_count());
                   return kExitOk;
                 });
  wiod_cmd->add_option("--year", w->year, "Year of the table, 1995-2011")
      ->check(CLI::Range(wiod::kFirstYear, wiod::kLastYear));
  wiod_cmd->add_option("--out", w->out, "Directory to write the package to")->required();
  wiod_cmd->add_option("--source", w->source,
                       "Directory with wiotYYYY_*.csv.gz (default: $RICARDO_WIOD_DIR or "
                       "../shared/data/wiod2013)");
  wiod_cmd
      ->add_option("--tariffs", w->tariffs,
                   "cp2015-2005 (Caliendo–Parro's 2005 applied rates, default) or none")
      ->check(CLI::IsMember({"cp2015-2005", "none"}));
  wiod_cmd->add_flag("--no-calibrate", w->no_calibrate,
                     "Write the table as imported, without solving the base-year equilibrium");
  wiod_cmd->add_flag("--force", w->force, "Overwrite an existing package");
}

void RegisterAggregate(CLI::App& data, Context& context) {
  struct Options {
    std::string baseline, regions, sectors, out, name;
    bool force = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* aggregate = AddCommand(
      data, context, "aggregate",
      "Aggregate regions and/or sectors of a baseline, keeping every accounting identity",
      [o]() -> int {
        const Baseline b = LoadBaseline(o->baseline);
        std::vector<std::string> region_codes, sector_codes;
        for (const auto& r : b.regions) region_codes.push_back(r.code);
        for (const auto& s : b.sectors) sector_codes.push_back(s.code);
        AggregationOptions options;
        if (!o->regions.empty()) options.regions = ReadGroupMap(o->regions, region_codes, "region");
        if (!o->sectors.empty()) options.sectors = ReadGroupMap(o->sectors, sector_codes, "sector");
        if (!options.regions && !options.sectors) {
          throw ArgumentError("nothing to aggregate",
                              "give --regions MAP.csv and/or --sectors MAP.csv");
        }
        options.name = o->name;
        const Baseline out = Aggregate(b, options);
        WritePackageStaged(out, o->out, o->force);
        std::printf("wrote %s (%zu regions x %zu sectors)\n", o->out.c_str(), out.region_count(),
                    out.sector_count());
        return kExitOk;
      });
  aggregate->add_option("baseline", o->baseline, "Built-in name or package directory")->required();
  aggregate->add_option("--regions", o->regions,
                        "CSV map: code,group[,group_name]; '*' = the rest");
  aggregate->add_option("--sectors", o->sectors,
                        "CSV map: code,group[,group_name]; '*' = the rest");
  aggregate->add_option("--out", o->out, "Directory to write the package to")->required();
  aggregate->add_option("--name", o->name, "Name of the new baseline (default: the input's)");
  aggregate->add_flag("--force", o->force, "Overwrite an existing package");
}

void RegisterBuild(CLI::App& data, Context& context) {
  CLI::App* build = data.add_subcommand("build",
                                        "Rebuild a built-in baseline or the GTAP "
                                        "concordance from its sources");
  build->require_subcommand(1);
  struct Options {
    std::string out, wiod, world;
    bool force = false;
  };
  using Builder = BuiltinBuild (*)(const BuiltinBuildOptions&);
  auto add_baseline = [&](const char* name, const char* description, Builder builder) {
    auto o = std::make_shared<Options>();
    CLI::App* cmd = AddCommand(*build, context, name, description, [o, name, builder]() -> int {
      BuiltinBuildOptions options;
      options.sources.wiod_directory = o->wiod;
      options.sources.world_directory = o->world;
      const BuiltinBuild result = builder(options);
      const std::filesystem::path out =
          o->out.empty() ? DataDirectory() / "baselines" / name : std::filesystem::path(o->out);
      WritePackageStaged(result.baseline, out, o->force, result.provenance_markdown);
      std::fprintf(stderr, "%s", result.baseline.manifest.notes.c_str());
      std::printf(
          "wrote %s (%zu targets, %d round(s), largest target error %.2g; calibration: %s)\n",
          out.string().c_str(), result.targets.size(), result.rounds, result.max_target_error,
          result.calibration.BriefReport().c_str());
      return kExitOk;
    });
    cmd->add_option("--out", o->out, fmt::format("Directory (default: data/baselines/{})", name));
    cmd->add_option("--wiod", o->wiod, "WIOD 2013 directory (default: ../shared/data/wiod2013)");
    cmd->add_option("--world", o->world,
                    "2024 trade and crosswalk (default: ../shared/data/world)");
    cmd->add_flag("--force", o->force, "Overwrite an existing package");
  };
  add_baseline("world",
               "USA, CAN, MEX, CHN, EU27, GBR, JPN, KOR, IND, TWN, BRA, ROW x 35 WIOD industries, "
               "2024: WIOD 2011 rescaled to 2024 US trade by sector",
               &BuildWorld);
  add_baseline("north-america",
               "USA, CAN, MEX, ROW x 35 WIOD industries, 2024: WIOD 2011 rescaled to 2024 US "
               "trade by sector",
               &BuildNorthAmerica);

  auto c = std::make_shared<Options>();
  CLI::App* concordance = AddCommand(
      *build, context, "concordance",
      "GTAP goods sectors -> WIOD industries, from the HS10 crosswalk and the product data",
      [c]() -> int {
        BuiltinSources sources;
        sources.world_directory = c->world;
        const GtapConcordance result = DeriveBuiltinConcordance(sources);
        const std::filesystem::path out =
            c->out.empty() ? DataDirectory() / "concordance" / "gtap_to_wiod35.csv"
                           : std::filesystem::path(c->out);
        if (std::filesystem::exists(out) && !c->force)
          throw OutputError(Location{out.string(), 0, 0, {}}, "already exists",
                            "pass --force to replace it");
        WriteFileAtomically(out, GtapConcordanceCsv(result));
        PrintNotes(result.notes);
        std::printf("wrote %s (%zu GTAP sectors, %zu rows)\n", out.string().c_str(),
                    result.gtap_codes.size(), result.splits.size());
        return kExitOk;
      });
  concordance->add_option("--out", c->out, "File (default: data/concordance/gtap_to_wiod35.csv)");
  concordance->add_option("--world", c->world,
                          "Crosswalk directory (default: ../shared/data/world)");
  concordance->add_flag("--force", c->force, "Overwrite an existing file");
}

}  // namespace

void RegisterData(CLI::App& app, Context& context) {
  CLI::App* data = app.add_subcommand("data",
                                      "Baseline data: list, show, check, import, "
                                      "aggregate, build");
  data->require_subcommand(1);
  RegisterList(*data, context);
  RegisterShow(*data, context);
  RegisterCheck(*data, context);
  RegisterImport(*data, context);
  RegisterAggregate(*data, context);
  RegisterBuild(*data, context);
}

}  // namespace ricardo::cli
