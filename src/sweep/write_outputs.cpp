// sweep.csv and sweep.json, written from the journal in point order, so that the files are the
// same bytes however the points were scheduled, interrupted and resumed.
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "fmt/format.h"
#include "nlohmann/json.hpp"
#include "ricardo/error.hpp"
#include "sweep/sweep_internal.hpp"

namespace ricardo::detail {
namespace {

// A file written under a temporary name and renamed into place when complete, so a folder
// never holds half a sweep.csv that looks finished.
class StagedFile {
 public:
  explicit StagedFile(std::filesystem::path path)
      : path_(std::move(path)),
        staging_(path_.parent_path() / fmt::format(".{}.tmp", path_.filename().string())) {
    file_ = std::fopen(staging_.c_str(), "wb");
    if (file_ == nullptr) Fail("cannot create");
  }
  ~StagedFile() {
    if (file_ != nullptr) {
      std::fclose(file_);
      std::error_code ec;
      std::filesystem::remove(staging_, ec);
    }
  }
  void Write(std::string_view text) {
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) Fail("cannot write");
  }
  void Commit() {
    const int closed = std::fclose(file_);
    file_ = nullptr;
    if (closed != 0) Fail("cannot write");
    std::error_code ec;
    std::filesystem::rename(staging_, path_, ec);
    if (ec)
      throw OutputError(Location{path_.string(), 0, 0, ""},
                        "cannot rename into place: " + ec.message(),
                        "check the folder is writable");
  }

 private:
  [[noreturn]] void Fail(const char* what) {
    throw OutputError(Location{staging_.string(), 0, 0, ""},
                      fmt::format("{}: {}", what, std::strerror(errno)),
                      "check the folder is writable and the disk has room");
  }
  std::filesystem::path path_, staging_;
  std::FILE* file_ = nullptr;
};

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string JsonString(const std::string& text) {
  return nlohmann::json(text).dump();
}

// A journal token as JSON: the number as written, null for NaN and infinities.
std::string JsonNumber(std::string_view token) {
  if (token == "nan" || token == "inf" || token == "-inf") return "null";
  return std::string(token);
}

std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t begin = 0;
  for (;;) {
    const std::size_t comma = line.find(',', begin);
    fields.push_back(line.substr(begin, comma == std::string_view::npos ? comma : comma - begin));
    if (comma == std::string_view::npos) return fields;
    begin = comma + 1;
  }
}

}  // namespace

SweepFilesResult WriteSweepFiles(const SweepSpec& spec, const std::string& spec_sha256,
                                 const Baseline& baseline, const SweepJournal& journal,
                                 const std::filesystem::path& directory) {
  SweepFilesResult result;
  const auto& indicators = SweepIndicators();
  StagedFile csv(directory / kSweepCsvName);
  StagedFile json(directory / kSweepJsonName);

  std::string head = "point,scenario,date,usmca_share,theta_draw";
  for (const std::string& m : spec.rate_measures) {
    head += ',';
    head += CsvField(fmt::format("rate_{}", m));
  }
  csv.Write(head + ",converged,region,indicator,value\n");

  nlohmann::json regions = nlohmann::json::array();
  for (const Region& r : baseline.regions) regions.push_back(r.code);
  json.Write(fmt::format(
      "{{\"schema\":\"ricardo.sweep\",\"schema_version\":{},\"spec_sha256\":\"{}\","
      "\"program\":{{\"name\":\"ricardo\",\"version\":\"{}\"}},\"spec\":{},\"regions\":{},"
      "\"indicators\":{},\"tariff_revenue_change_unit\":{},\"points\":[\n",
      kSweepSchemaVersion, spec_sha256, RICARDO_VERSION, SweepSpecJson(spec), regions.dump(),
      nlohmann::json(indicators).dump(), JsonString(baseline.manifest.MoneyUnitLabel())));

  const std::size_t points = spec.PointCount();
  const std::size_t region_count = baseline.region_count();
  std::string rows;
  for (std::size_t k = 0; k < points; ++k) {
    const std::string line = journal.Line(k);
    const auto fields = SplitFields(line);
    const bool converged = fields.at(1) == "1";
    if (!converged) {
      ++result.non_converged;
      if (!result.first_non_converged) result.first_non_converged = k;
    }
    const PointLabels l = LabelPoint(spec, spec.Point(k));
    std::string prefix =
        fmt::format("{},{},{},{},{}", k, CsvField(l.scenario), l.date, l.usmca_share, l.theta_draw);
    for (const std::string& rate : l.rates) prefix += "," + rate;
    prefix += converged ? ",true," : ",false,";
    rows.clear();
    std::string values;
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      values += fmt::format("{}{}:{{", i == 0 ? "" : ",", JsonString(indicators[i]));
      for (std::size_t n = 0; n < region_count; ++n) {
        const std::string_view token = fields.at(2 + n * indicators.size() + i);
        values += fmt::format("{}{}:{}", n == 0 ? "" : ",", JsonString(baseline.regions[n].code),
                              JsonNumber(token));
      }
      values += "}";
    }
    for (std::size_t n = 0; n < region_count; ++n) {
      for (std::size_t i = 0; i < indicators.size(); ++i) {
        const std::string_view token = fields.at(2 + n * indicators.size() + i);
        rows += prefix;
        rows += fmt::format("{},{},{}\n", baseline.regions[n].code, indicators[i],
                            token == "nan" ? std::string_view() : token);
      }
    }
    csv.Write(rows);
    std::string rates = "{";
    for (std::size_t m = 0; m < spec.rate_measures.size(); ++m)
      rates += fmt::format("{}{}:{}", m == 0 ? "" : ",", JsonString(spec.rate_measures[m]),
                           JsonNumber(l.rates[m]));
    json.Write(fmt::format(
        "{{\"point\":{},\"scenario\":{},\"date\":\"{}\",\"usmca_share\":{},\"theta_draw\":{},"
        "\"rates\":{}}},\"converged\":{},\"values\":{{{}}}}}{}\n",
        k, JsonString(l.scenario), l.date, l.usmca_share.empty() ? "null" : l.usmca_share,
        l.theta_draw.empty() ? "null" : l.theta_draw, rates, converged ? "true" : "false", values,
        k + 1 < points ? "," : ""));
  }
  json.Write(fmt::format("],\"non_converged\":{}}}\n", result.non_converged));
  csv.Commit();
  json.Commit();
  result.files = {directory / kSweepCsvName, directory / kSweepJsonName};
  return result;
}

}  // namespace ricardo::detail
