// SensitivitySweepWriter: the rows of a long sweep, written as each variant is solved. Only the
// running ranges stay in memory; the folder is staged and put in place at the end.
#include <cmath>
#include <fstream>
#include <optional>

#include "fmt/format.h"
#include "nlohmann/json.hpp"
#include "report/indicators.hpp"
#include "report/run_csv.hpp"
#include "report/staged_report.hpp"
#include "ricardo/error.hpp"
#include "ricardo/output_directory.hpp"
#include "ricardo/sensitivity.hpp"

namespace ricardo {
namespace {

std::string Number(double v) {
  return std::isfinite(v) ? fmt::format("{}", v) : "";
}
nlohmann::json JsonNumber(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

// A text file written piece by piece; OutputError with the path when a write fails.
class StreamFile {
 public:
  explicit StreamFile(std::filesystem::path file) : path_(std::move(file)) {
    errno = 0;
    out_.open(path_, std::ios::binary);
    if (!out_) throw detail::CannotWrite(path_, errno);
  }
  void Write(const std::string& text) {
    out_ << text;
    if (!out_) throw detail::CannotWrite(path_, errno);
  }
  void Close() {
    out_.close();
    if (!out_) throw detail::CannotWrite(path_, errno);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::ofstream out_;
};

struct Range {
  double min_pct = INFINITY, max_pct = -INFINITY;
};

}  // namespace

struct SensitivitySweepWriter::State {
  const Baseline& baseline;
  std::size_t variant_count;
  SweepOutput output;
  std::vector<detail::Indicator> indicators =
      detail::CountryIndicators(detail::MoneyDisplay{}, /*levels=*/false);
  std::vector<Range> ranges;  // region-major, indicator-minor
  std::vector<std::string> non_converged;
  std::size_t added = 0;
  std::optional<StagedDirectory> staged;
  std::optional<StreamFile> csv, json;
  std::vector<std::filesystem::path> files;
  RunStamp stamp;  // the first variant's (one command made them all), for manifest.json

  State(const Baseline& b, std::size_t count, SweepOutput out)
      : baseline(b), variant_count(count), output(std::move(out)) {}

  std::string JsonHead() const {
    return fmt::format(
        "{{\"schema\":\"ricardo.sensitivity-sweep\",\"schema_version\":{},"
        "\"baseline\":{},\"variant_count\":{},\"variants\":[",
        kSensitivitySchemaVersion, nlohmann::json(baseline.manifest.name).dump(), variant_count);
  }
  std::string JsonTail() const {
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t n = 0; n < baseline.region_count(); ++n)
      for (std::size_t k = 0; k < indicators.size(); ++k) {
        const Range& r = ranges[n * indicators.size() + k];
        const bool any = r.min_pct <= r.max_pct;
        list.push_back({{"region", baseline.regions[n].code},
                        {"indicator", indicators[k].key},
                        {"min_pct", any ? JsonNumber(r.min_pct) : nlohmann::json(nullptr)},
                        {"max_pct", any ? JsonNumber(r.max_pct) : nlohmann::json(nullptr)}});
      }
    return "],\"ranges\":" + list.dump() +
           fmt::format(",\"non_converged\":{}}}\n", non_converged.size());
  }
  void Print(const std::string& text) const {
    std::fputs(text.c_str(), output.stream);
    std::fflush(output.stream);  // each row as soon as its variant is solved
    if (std::ferror(output.stream))
      throw OutputError(Location{"standard output", 0, 0, {}}, "cannot be written",
                        "check where the output is redirected");
  }
  std::string TableRow(const std::vector<std::string>& cells) const {
    if (output.table_format == TableFormat::kMarkdown) {
      std::string row = "|";
      for (const auto& c : cells) row += " " + c + " |";
      return row + "\n";
    }
    std::string row = fmt::format("{:<16} {:<8}", cells[0], cells[1]);
    for (std::size_t k = 2; k < cells.size(); ++k) row += fmt::format(" {:>16}", cells[k]);
    return row + "\n";
  }
};

SensitivitySweepWriter::SensitivitySweepWriter(const Baseline& baseline, std::size_t variant_count,
                                               SweepOutput output)
    : state_(std::make_unique<State>(baseline, variant_count, std::move(output))) {
  State& s = *state_;
  s.ranges.assign(baseline.region_count() * s.indicators.size(), Range{});
  if (!s.output.directory.empty()) {
    s.staged.emplace(s.output.directory, detail::ReportFolderOptions());
    s.csv.emplace(s.staged->path() / "sensitivity.csv");
    s.csv->Write("variant,region,indicator,change_pct\n");
    s.json.emplace(s.staged->path() / "sensitivity.json");
    s.json->Write(s.JsonHead());
  }
  if (!s.output.stream) return;
  if (s.output.stream_json) {
    s.Print(s.JsonHead());
    return;
  }
  std::vector<std::string> header = {"Variant", "Region"};
  // Short column names (the CSV's indicator keys); the titles would not fit a terminal row.
  for (const auto& ind : s.indicators) header.push_back(ind.key + " %");
  std::string text = fmt::format(
      "Sensitivity of the shock to the trade elasticities: {} variants, "
      "one row per variant and region as each is solved\n\n",
      variant_count);
  text += s.TableRow(header);
  if (s.output.table_format == TableFormat::kMarkdown) {
    std::string rule = "|";
    for (std::size_t k = 0; k < header.size(); ++k) rule += k < 2 ? "---|" : "---:|";
    text += rule + "\n";
  }
  s.Print(text);
}

SensitivitySweepWriter::~SensitivitySweepWriter() = default;

void SensitivitySweepWriter::Add(std::size_t /*index*/, const ElasticityVariant& variant,
                                 const RunResult& result) {
  State& s = *state_;
  const bool converged = result.solution.summary.IsConverged();
  if (!converged) s.non_converged.push_back(variant.label);
  if (s.added == 0) s.stamp = result.metadata.stamp;
  nlohmann::json values = nlohmann::json::object();
  std::string csv, rows;
  for (std::size_t n = 0; n < s.baseline.region_count(); ++n) {
    const std::string& code = s.baseline.regions[n].code;
    std::vector<std::string> cells = {variant.label, code};
    for (std::size_t k = 0; k < s.indicators.size(); ++k) {
      const double v = s.indicators[k].value(result, n);
      Range& r = s.ranges[n * s.indicators.size() + k];
      if (std::isfinite(v)) r.min_pct = std::min(r.min_pct, v), r.max_pct = std::max(r.max_pct, v);
      values[s.indicators[k].key][code] = JsonNumber(v);
      csv += variant.label + "," + code + "," + s.indicators[k].key + "," + Number(v) + "\n";
      cells.push_back(std::isfinite(v) ? fmt::format("{:.2f}", v) : "n/a");
    }
    rows += s.TableRow(cells);
  }
  if (!converged)
    rows += "WARNING: " + variant.label + " did not converge (" + result.solution.summary.message +
            "); its numbers are not an equilibrium.\n";
  const nlohmann::json entry = {{"label", variant.label},
                                {"theta", variant.theta},
                                {"converged", converged},
                                {"solver", result.solution.summary.BriefReport()},
                                {"values_pct", values}};
  const std::string json_entry = (s.added == 0 ? "" : ",") + entry.dump();
  ++s.added;
  if (s.csv) s.csv->Write(csv);
  if (s.json) s.json->Write(json_entry);
  if (s.output.stream) s.Print(s.output.stream_json ? json_entry : rows);
}

void SensitivitySweepWriter::Finish() {
  State& s = *state_;
  const std::string tail = s.JsonTail();
  if (s.output.stream) {
    if (s.output.stream_json) {
      s.Print(tail);
    } else {
      std::string text = "\nRange over the variants (min … max, %):\n";
      for (std::size_t n = 0; n < s.baseline.region_count(); ++n) {
        std::vector<std::string> cells = {"min … max", s.baseline.regions[n].code};
        for (std::size_t k = 0; k < s.indicators.size(); ++k) {
          const Range& r = s.ranges[n * s.indicators.size() + k];
          cells.push_back(r.min_pct <= r.max_pct
                              ? fmt::format("{:.2f} … {:.2f}", r.min_pct, r.max_pct)
                              : "n/a");
        }
        text += s.TableRow(cells);
      }
      s.Print(text);
    }
  }
  if (!s.staged) return;
  s.json->Write(tail);
  s.csv->Close();
  s.json->Close();
  const std::filesystem::path manifest = detail::WriteManifest(s.staged->path(), s.stamp);
  s.files = {s.staged->Final(s.csv->path()), s.staged->Final(s.json->path()),
             s.staged->Final(manifest)};
  s.staged->Commit();
}

const std::vector<std::string>& SensitivitySweepWriter::non_converged() const {
  return state_->non_converged;
}

std::vector<std::filesystem::path> SensitivitySweepWriter::files() const {
  return state_->files;
}

}  // namespace ricardo
