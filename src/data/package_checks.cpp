// The consistency checks of a baseline (docs/baseline-format.md, "Checks"), shared by the package
// reader (issues located at file:line:column) and ValidateBaseline (issues located at a field).
#include <algorithm>
#include <cmath>
#include <map>

#include "data/csv.hpp"
#include "data/package_internal.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo::data_internal {
namespace {

// Relative tolerance for shares that must sum to one and money values that must agree.
// (1e-5: the cp2015 input-output columns sum to one only up to rounding, ±1.6e-6.)
constexpr double kShareTolerance = 1e-5;
constexpr double kAccountTolerance = 1e-6;
// A tariff rate above this is almost surely a percentage written where a fraction belongs.
constexpr double kMaxTariffRate = 10.0;
// Input shares below this are errors; small negative ones (the cp2015 files have one) are kept.
constexpr double kMinInputShare = -0.01;
// A region-sector producing less than this share of its region's output is "tiny".
constexpr double kTinySectorShare = 1e-6;
// At most this many issues of one kind are listed; the rest are counted.
constexpr std::size_t kMaxIssuesPerKind = 20;

std::string Num(double v) {
  return fmt::format("{:.6g}", v);
}

class Collector {
 public:
  explicit Collector(ValidationReport& report) : report_(report) {}
  ~Collector() {
    for (const auto& [kind, count] : overflow_) {
      if (count.first > 0) {
        report_.errors.push_back({PackageIssue::Severity::kError,
                                  {},
                                  fmt::format("... and {} more: {}", count.first, kind),
                                  ""});
      }
      if (count.second > 0) {
        report_.warnings.push_back({PackageIssue::Severity::kWarning,
                                    {},
                                    fmt::format("... and {} more: {}", count.second, kind),
                                    ""});
      }
    }
  }
  void Error(const std::string& kind, Location where, std::string problem, std::string fix) {
    Add(true, kind, std::move(where), std::move(problem), std::move(fix));
  }
  void Warning(const std::string& kind, Location where, std::string problem, std::string fix) {
    Add(false, kind, std::move(where), std::move(problem), std::move(fix));
  }
  std::size_t errors() const { return report_.errors.size(); }

 private:
  void Add(bool error, const std::string& kind, Location where, std::string problem,
           std::string fix) {
    std::size_t& seen = error ? seen_[kind].first : seen_[kind].second;
    if (++seen > kMaxIssuesPerKind) {
      (error ? overflow_[kind].first : overflow_[kind].second)++;
      return;
    }
    auto& list = error ? report_.errors : report_.warnings;
    list.push_back({error ? PackageIssue::Severity::kError : PackageIssue::Severity::kWarning,
                    std::move(where), std::move(problem), std::move(fix)});
  }
  ValidationReport& report_;
  std::map<std::string, std::pair<std::size_t, std::size_t>> seen_, overflow_;
};

// Where a datum lives: file:line:column when read from a package, a field name otherwise.
class Locator {
 public:
  explicit Locator(const PackageData& d) : d_(d), b_(d.baseline) {}

  Location Region(std::size_t n) const {
    if (d_.lines.from_files) return {kRegionsFile, LineAt(d_.lines.region, n), 0, ""};
    return Field(fmt::format("regions[{}]", b_.regions[n].code));
  }
  Location SectorTheta(std::size_t j) const {
    if (d_.lines.from_files) {
      return {kSectorsFile, LineAt(d_.lines.sector, j), Column(kSectorsFile, "theta"), ""};
    }
    return Field(fmt::format("sectors[{}].theta", b_.sectors[j].code));
  }
  Location Bilateral(bool tariff, std::size_t n, std::size_t i, std::size_t j) const {
    const char* file = tariff ? kTariffsFile : kFlowsFile;
    if (d_.lines.from_files) {
      const auto& lines = tariff ? d_.lines.tariff : d_.lines.flow;
      const std::size_t key = (n * b_.region_count() + i) * b_.sector_count() + j;
      const auto it = lines.find(key);
      return {file, it == lines.end() ? 0 : it->second, Column(file, tariff ? "rate" : "value"),
              ""};
    }
    return Field(fmt::format("{}[{}, {}, {}]", tariff ? "tariff_rates" : "trade_flows",
                             b_.regions[n].code, b_.regions[i].code, b_.sectors[j].code));
  }
  Location ValueAdded(std::size_t n, std::size_t j, const char* column) const {
    if (d_.lines.from_files) {
      return {kValueAddedFile, LineAt(d_.lines.value_added, n * b_.sector_count() + j),
              Column(kValueAddedFile, column), ""};
    }
    return Field(fmt::format("value_added_share[{}, {}]", b_.regions[n].code, b_.sectors[j].code));
  }
  // The first row of (region n, using sector j) in input_output.csv.
  Location InputGroup(std::size_t n, std::size_t j, const char* column) const {
    if (d_.lines.from_files) {
      long first = 0;
      for (std::size_t k = 0; k < b_.sector_count(); ++k) {
        const long line = InputLine(n, k, j);
        if (line > 0 && (first == 0 || line < first)) first = line;
      }
      return {kInputOutputFile, first, Column(kInputOutputFile, column), ""};
    }
    return Field(fmt::format("input_shares[{}, *, {}]", b_.regions[n].code, b_.sectors[j].code));
  }
  Location Input(std::size_t n, std::size_t k, std::size_t j, const char* column) const {
    if (d_.lines.from_files) {
      return {kInputOutputFile, InputLine(n, k, j), Column(kInputOutputFile, column), ""};
    }
    return Field(fmt::format("input_shares[{}, {}, {}]", b_.regions[n].code, b_.sectors[k].code,
                             b_.sectors[j].code));
  }
  Location FinalDemand(std::size_t n, std::size_t j, const char* column) const {
    if (d_.lines.from_files && !d_.final_demand_from_identity) {
      return {kFinalDemandFile, LineAt(d_.lines.final_demand, n * b_.sector_count() + j),
              Column(kFinalDemandFile, column), ""};
    }
    return Field(fmt::format("final_demand_share[{}, {}]", b_.regions[n].code, b_.sectors[j].code));
  }
  Location FinalDemandRegion(std::size_t n, const char* column) const {
    Location where = FinalDemand(n, 0, column);
    if (!d_.lines.from_files)
      where.field = fmt::format("final_demand_share[{}, *]", b_.regions[n].code);
    return where;
  }
  Location Surplus(std::size_t n) const {
    return {kSurplusFile, LineAt(d_.lines.surplus, n), Column(kSurplusFile, "value"), ""};
  }
  Location Header(const char* file, const char* column) const {
    return {file, 1, Column(file, column), ""};
  }

 private:
  static Location Field(std::string field) { return {"", 0, 0, std::move(field)}; }
  static long LineAt(const std::vector<long>& lines, std::size_t k) {
    return k < lines.size() ? lines[k] : 0;
  }
  long Column(const char* file, const char* column) const {
    const auto it = d_.lines.column.find(std::string(file) + "/" + column);
    return it == d_.lines.column.end() ? 0 : it->second;
  }
  long InputLine(std::size_t n, std::size_t k, std::size_t j) const {
    const std::size_t J = b_.sector_count();
    const auto it = d_.lines.input.find((n * J + k) * J + j);
    return it == d_.lines.input.end() ? 0 : it->second;
  }
  const PackageData& d_;
  const Baseline& b_;
};

bool DimensionsMatch(const Baseline& b) {
  const std::size_t N = b.region_count(), J = b.sector_count();
  return b.trade_flows.dim0() == N && b.trade_flows.dim1() == N && b.trade_flows.dim2() == J &&
         b.tariff_rates.dim0() == N && b.tariff_rates.dim1() == N && b.tariff_rates.dim2() == J &&
         b.value_added_share.rows() == N && b.value_added_share.cols() == J &&
         b.input_shares.dim0() == N && b.input_shares.dim1() == J && b.input_shares.dim2() == J &&
         b.final_demand_share.rows() == N && b.final_demand_share.cols() == J;
}

std::string Pair(const Baseline& b, std::size_t n, std::size_t i, std::size_t j) {
  return fmt::format("{} from {}, sector {}", b.regions[n].code, b.regions[i].code,
                     b.sectors[j].code);
}

std::string Cell(const Baseline& b, std::size_t n, std::size_t j) {
  return fmt::format("{}/{}", b.regions[n].code, b.sectors[j].code);
}

// The rules ReadManifest enforces, for baselines built in memory (so that what is written can
// be read back).
void CheckManifest(const Manifest& m, Collector& out) {
  auto where = [](const char* field) {
    return Location{"", 0, 0, std::string("manifest.") + field};
  };
  if (m.name.empty()) {
    out.Error("manifest", where("name"), "the baseline has no name",
              "give it a short identifier such as \"north-america\"");
  }
  if (const auto problem = YearProblem(m.year)) {
    out.Error("manifest", where("year"), *problem, "set the base year of the data");
  }
  if (const auto problem = CurrencyProblem(m.currency)) {
    out.Error("manifest", where("currency"), *problem, "use three upper-case letters, e.g. USD");
  }
  if (const auto problem = MoneyUnitProblem(m.money_unit)) {
    out.Error("manifest", where("money_unit"), *problem,
              "one money unit in currency units, e.g. 1e6");
  }
}

void CheckSectors(const Baseline& b, const Locator& at, Collector& out) {
  for (std::size_t j = 0; j < b.sector_count(); ++j) {
    const double theta = b.sectors[j].theta;
    if (!std::isfinite(theta) || theta <= 0.0) {
      out.Error(
          "theta", at.SectorTheta(j),
          fmt::format("{}sector '{}' has trade elasticity theta = {}, which must be > 0",
                      b.sectors[j].tradable ? "tradable " : "", b.sectors[j].code, Num(theta)),
          "give theta > 0, e.g. from Caliendo and Parro 2015");
    }
    const double se = b.sectors[j].theta_se;
    if (!std::isfinite(se) || se < 0.0) {
      out.Error("theta", at.SectorTheta(j),
                fmt::format("sector '{}' has a standard error of theta = {}, which must be 0 or "
                            "more",
                            b.sectors[j].code, Num(se)),
                "give the standard error of theta's estimate, or 0 if it is not known");
    }
  }
}

void CheckBilateral(const Baseline& b, const Locator& at, Collector& out) {
  const std::size_t N = b.region_count(), J = b.sector_count();
  std::vector<double> internal_tariff_flow(N, 0.0);
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < J; ++j) {
        const double flow = b.trade_flows(n, i, j);
        if (!std::isfinite(flow) || flow < 0.0) {
          out.Error("negative flow", at.Bilateral(false, n, i, j),
                    fmt::format("negative trade flow {} ({})", Num(flow), Pair(b, n, i, j)),
                    "flows are purchases valued at the exporter's price, >= 0");
        } else if (flow > 0.0 && i != n && !b.sectors[j].tradable) {
          out.Error("non-tradable trade", at.Bilateral(false, n, i, j),
                    fmt::format("sector '{}' is not tradable but has a flow of {} ({})",
                                b.sectors[j].code, Num(flow), Pair(b, n, i, j)),
                    "mark the sector tradable = true in sectors.csv, or remove the flow");
        }
        const double rate = b.tariff_rates(n, i, j);
        if (!std::isfinite(rate) || rate < 0.0) {
          out.Error("negative tariff", at.Bilateral(true, n, i, j),
                    fmt::format("tariff rate {} is negative ({})", Num(rate), Pair(b, n, i, j)),
                    "tariff rates are fractions >= 0 (0.25 = 25%)");
        } else if (rate > kMaxTariffRate) {
          out.Error("percent tariff", at.Bilateral(true, n, i, j),
                    fmt::format("tariff rate {} is above {} ({}); it looks like a percentage",
                                Num(rate), Num(kMaxTariffRate), Pair(b, n, i, j)),
                    "tariff rates are fractions: write 0.25 for 25%");
        } else if (i == n && rate > 0.0) {
          internal_tariff_flow[n] += rate * flow;
        }
      }
  for (std::size_t n = 0; n < N; ++n) {
    if (internal_tariff_flow[n] > 0.0) {
      out.Warning("internal tariffs", at.Region(n),
                  fmt::format("region '{}' charges tariffs on its own purchases from itself "
                              "(revenue {})",
                              b.regions[n].code, Num(internal_tariff_flow[n])),
                  "expected only for a region aggregated from several countries");
    }
  }
}

void CheckShares(const PackageData& d, const Locator& at, Collector& out) {
  const Baseline& b = d.baseline;
  const std::size_t N = b.region_count(), J = b.sector_count();
  const Array2 output = GrossOutput(b);
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t j = 0; j < J; ++j) {
      const double gamma = b.value_added_share(n, j);
      if (!std::isfinite(gamma) || gamma < 0.0 || gamma > 1.0) {
        out.Error(
            "value-added share", at.ValueAdded(n, j, d.given.value_added ? "value" : "share"),
            fmt::format("value-added share {} of {} is outside [0, 1]", Num(gamma), Cell(b, n, j)),
            "value added is a share of gross output: value added / gross output");
      }
      double total = 0.0;
      for (std::size_t k = 0; k < J; ++k) {
        const double g = b.input_shares(n, k, j);
        if (!std::isfinite(g) || g < kMinInputShare) {
          out.Error("input share", at.Input(n, k, j, "share"),
                    fmt::format("input share {} of {} in {} is negative", Num(g), b.sectors[k].code,
                                Cell(b, n, j)),
                    "input shares are fractions of a sector's intermediate purchases, >= 0");
        } else if (g < 0.0) {
          out.Warning("negative input share", at.Input(n, k, j, "share"),
                      fmt::format("input share {} of {} in {} is slightly negative (kept)", Num(g),
                                  b.sectors[k].code, Cell(b, n, j)),
                      "check the source table");
        }
        total += g;
      }
      if (std::abs(total - 1.0) > kShareTolerance && std::abs(total) > 1e-12) {
        out.Error("input shares sum", at.InputGroup(n, j, "share"),
                  fmt::format("input shares of {} sum to {}, not 1", Cell(b, n, j), Num(total)),
                  "the shares of all input sectors used by one sector must sum to one, or all "
                  "be zero when it buys no inputs");
      } else if (std::abs(total) <= 1e-12 && gamma < 1.0 && output(n, j) > 0.0) {
        out.Warning("no inputs", at.InputGroup(n, j, "share"),
                    fmt::format("{} buys no intermediate inputs but its value-added share is {} "
                                "< 1",
                                Cell(b, n, j), Num(gamma)),
                    "the labour market then clears only approximately; set the share to 1 or "
                    "give its inputs");
      }
    }
  }
  if (d.final_demand_from_identity && d.lines.from_files) return;  // derived later, sums to 1
  for (std::size_t n = 0; n < N; ++n) {
    double total = 0.0;
    for (std::size_t j = 0; j < J; ++j) {
      const double alpha = b.final_demand_share(n, j);
      if (!std::isfinite(alpha) || alpha < 0.0) {
        out.Error("final-demand share",
                  at.FinalDemand(n, j, d.given.final_demand ? "value" : "share"),
                  fmt::format("final-demand share {} of {} is negative", Num(alpha), Cell(b, n, j)),
                  "final demand is a non-negative share of income");
      }
      total += alpha;
    }
    if (std::abs(total - 1.0) > kShareTolerance) {
      out.Error("final-demand sum",
                at.FinalDemandRegion(n, d.given.final_demand ? "value" : "share"),
                fmt::format("final-demand shares of region '{}' sum to {}, not 1",
                            b.regions[n].code, Num(total)),
                "the shares of all sectors in a region's final demand must sum to one");
    }
  }
}

// The ratio of stated to implied money values when it is a power of 1000 other than 1: the
// table was written in another money unit. 0 when the values are in the same unit.
double UnitFactor(double stated_total, double implied_total) {
  if (!(stated_total > 0.0) || !(implied_total > 0.0)) return 0.0;
  const double log_ratio = std::log10(stated_total / implied_total);
  const double rounded = std::round(log_ratio);
  const long power = std::lround(rounded);
  if (power != 0 && power % 3 == 0 && std::abs(log_ratio - rounded) < 0.05) {
    return std::pow(10.0, rounded);
  }
  return 0.0;
}

bool Agree(double stated, double implied, double scale) {
  return std::abs(stated - implied) <= kAccountTolerance * (std::abs(implied) + 1e-3 * scale);
}

class AccountChecker {
 public:
  AccountChecker(const PackageData& d, const Locator& at, Collector& out)
      : d_(d), b_(d.baseline), at_(at), out_(out) {}

  // True if the column is in the flows' unit; otherwise reports one unit mismatch and returns
  // false so that the row-by-row comparison is skipped.
  bool SameUnit(const char* file, const char* column, double stated_total, double implied_total) {
    const double factor = UnitFactor(stated_total, implied_total);
    if (factor == 0.0) return true;
    out_.Error("unit", at_.Header(file, column),
               fmt::format("unit mismatch: column '{}' is {} times what {} implies; the tables "
                           "use different money units",
                           column,
                           factor >= 1.0 ? fmt::format("{:g}", factor)
                                         : fmt::format("1/{:g}", 1.0 / factor),
                           kFlowsFile),
               fmt::format("write every money column in the manifest's unit, {}",
                           b_.manifest.MoneyUnitLabel()));
    return false;
  }

  void Run() {
    const std::size_t N = b_.region_count(), J = b_.sector_count();
    const Array2 output = GrossOutput(b_);
    double scale = 0.0;
    for (double v : output.values()) scale = std::max(scale, std::abs(v));
    Array2 exports(N, J);
    for (std::size_t n = 0; n < N; ++n)
      for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < J; ++j) {
          if (i != n) exports(i, j) += b_.trade_flows(n, i, j);
        }

    if (const auto& go = d_.given.gross_output) {
      if (SameUnit(kValueAddedFile, "gross_output", Sum(go->values()), Sum(output.values()))) {
        for (std::size_t n = 0; n < N; ++n)
          for (std::size_t j = 0; j < J; ++j) {
            const double stated = (*go)(n, j);
            if (stated < exports(n, j) && !Agree(stated, exports(n, j), scale)) {
              out_.Error("output below exports", at_.ValueAdded(n, j, "gross_output"),
                         fmt::format("gross output {} of {} is below its exports {}", Num(stated),
                                     Cell(b_, n, j), Num(exports(n, j))),
                         "output must cover exports; raise it (domestic sales are output minus "
                         "exports) or correct the flows");
            } else if (!Agree(stated, output(n, j), scale)) {
              out_.Error("gross output", at_.ValueAdded(n, j, "gross_output"),
                         fmt::format("gross output {} of {} differs from the total of its sales "
                                     "in {} ({})",
                                     Num(stated), Cell(b_, n, j), kFlowsFile, Num(output(n, j))),
                         "gross output is the sum of the region's sales to every region, "
                         "itself included");
            }
          }
      }
    }
    if (const auto& va = d_.given.value_added) {
      Array2 implied(N, J);
      for (std::size_t k = 0; k < implied.size(); ++k) {
        implied.values()[k] = b_.value_added_share.values()[k] * output.values()[k];
      }
      if (SameUnit(kValueAddedFile, "value", Sum(va->values()), Sum(implied.values()))) {
        for (std::size_t n = 0; n < N; ++n)
          for (std::size_t j = 0; j < J; ++j) {
            if (!Agree((*va)(n, j), implied(n, j), scale)) {
              out_.Error(
                  "value added", at_.ValueAdded(n, j, "value"),
                  fmt::format("value added {} of {} disagrees with share x gross output "
                              "({} x {} = {})",
                              Num((*va)(n, j)), Cell(b_, n, j), Num(b_.value_added_share(n, j)),
                              Num(output(n, j)), Num(implied(n, j))),
                  "give the share or the value, or make them agree");
            }
          }
      }
    }
    if (const auto& use = d_.given.intermediate_use) {
      Array3 implied(N, J, J);
      for (std::size_t n = 0; n < N; ++n)
        for (std::size_t k = 0; k < J; ++k)
          for (std::size_t j = 0; j < J; ++j) {
            implied(n, k, j) =
                (1.0 - b_.value_added_share(n, j)) * b_.input_shares(n, k, j) * output(n, j);
          }
      if (SameUnit(kInputOutputFile, "value", Sum(use->values()), Sum(implied.values()))) {
        for (std::size_t n = 0; n < N; ++n)
          for (std::size_t k = 0; k < J; ++k)
            for (std::size_t j = 0; j < J; ++j) {
              if (!Agree((*use)(n, k, j), implied(n, k, j), scale)) {
                out_.Error("intermediate use", at_.Input(n, k, j, "value"),
                           fmt::format("use of {} by {} is {} but (1 - value-added share) x "
                                       "input share x gross output is {}",
                                       b_.sectors[k].code, Cell(b_, n, j), Num((*use)(n, k, j)),
                                       Num(implied(n, k, j))),
                           "intermediate use, value added and gross output must agree");
              }
            }
      }
    }
    const std::vector<double> income = NationalIncome(b_);
    if (const auto& fd = d_.given.final_demand) {
      Array2 implied(N, J);
      for (std::size_t n = 0; n < N; ++n)
        for (std::size_t j = 0; j < J; ++j) implied(n, j) = b_.final_demand_share(n, j) * income[n];
      if (SameUnit(kFinalDemandFile, "value", Sum(fd->values()), Sum(implied.values()))) {
        for (std::size_t n = 0; n < N; ++n) {
          double stated_total = 0.0;
          for (std::size_t j = 0; j < J; ++j) stated_total += (*fd)(n, j);
          if (!Agree(stated_total, income[n], scale)) {
            out_.Warning("final demand total", at_.FinalDemandRegion(n, "value"),
                         fmt::format("final demand of region '{}' totals {} but its income (value "
                                     "added + tariff revenue - surplus) is {}; the shares are "
                                     "used",
                                     b_.regions[n].code, Num(stated_total), Num(income[n])),
                         "calibrate the baseline (a zero shock then changes nothing)");
            continue;
          }
          for (std::size_t j = 0; j < J; ++j) {
            if (!Agree((*fd)(n, j), implied(n, j), scale)) {
              out_.Error(
                  "final demand", at_.FinalDemand(n, j, "value"),
                  fmt::format("final demand {} of {} disagrees with share x income ({} x "
                              "{} = {})",
                              Num((*fd)(n, j)), Cell(b_, n, j), Num(b_.final_demand_share(n, j)),
                              Num(income[n]), Num(implied(n, j))),
                  "give the share or the value, or make them agree");
            }
          }
        }
      }
    }
    if (const auto& s = d_.given.surplus) {
      const std::vector<double> implied = TradeSurplus(b_);
      std::vector<double> abs_s, abs_i;
      for (std::size_t n = 0; n < N; ++n) {
        abs_s.push_back(std::abs((*s)[n]));
        abs_i.push_back(std::abs(implied[n]));
      }
      if (SameUnit(kSurplusFile, "value", Sum(abs_s), Sum(abs_i))) {
        for (std::size_t n = 0; n < N; ++n) {
          if (!Agree((*s)[n], implied[n], scale)) {
            out_.Error("surplus", at_.Surplus(n),
                       fmt::format("trade surplus {} of region '{}' differs from exports - "
                                   "imports in {} ({})",
                                   Num((*s)[n]), b_.regions[n].code, kFlowsFile, Num(implied[n])),
                       "the surplus follows from the flows; correct it or leave surplus.csv out");
          }
        }
      }
    }
  }

 private:
  static double Sum(const std::vector<double>& v) {
    double s = 0.0;
    for (double x : v) s += std::abs(x);
    return s;
  }
  const PackageData& d_;
  const Baseline& b_;
  const Locator& at_;
  Collector& out_;
};

// Shares derived from money values cannot reveal a unit mismatch by disagreeing with them, but
// value added or intermediate use adding up to more than gross output (or to a tiny fraction of
// it) can only come from a table written in another money unit.
bool DerivedSharesInFlowUnits(const PackageData& d, const Locator& at, Collector& out) {
  const Baseline& b = d.baseline;
  const Array2 output = GrossOutput(b);
  double output_total = 0.0;
  for (double v : output.values()) output_total += v;
  auto check = [&](bool derived, const auto& values, const char* file, const char* what) {
    if (!derived || !values || !(output_total > 0.0)) return true;
    double total = 0.0;
    for (double v : values->values()) total += v;
    const double ratio = total / output_total;
    if (total == 0.0 || (ratio <= 1.5 && ratio >= 1e-3)) return true;
    out.Error("unit", at.Header(file, "value"),
              fmt::format("unit mismatch: column 'value' adds up to {} times the gross output in "
                          "{}, and {} cannot exceed output or be a tiny fraction of it; the "
                          "tables use different money units",
                          Num(ratio), kFlowsFile, what),
              fmt::format("write every money column in the manifest's unit, {}",
                          b.manifest.MoneyUnitLabel()));
    return false;
  };
  const bool va_ok = check(d.given.value_added_share_from_value, d.given.value_added,
                           kValueAddedFile, "value added");
  const bool use_ok = check(d.given.input_share_from_value, d.given.intermediate_use,
                            kInputOutputFile, "intermediate use");
  return va_ok && use_ok;
}

void CheckEconomy(const PackageData& d, const Locator& at, Collector& out) {
  const Baseline& b = d.baseline;
  const std::size_t N = b.region_count(), J = b.sector_count();
  const Array2 output = GrossOutput(b);
  const std::vector<double> va = ValueAdded(b);
  for (std::size_t n = 0; n < N; ++n) {
    if (!(va[n] > 0.0)) {
      out.Error("value added", at.Region(n),
                fmt::format("region '{}' has no value added ({})", b.regions[n].code, Num(va[n])),
                "the model needs every region to produce: give it output and value added");
      continue;
    }
    double region_output = 0.0;
    for (std::size_t j = 0; j < J; ++j) region_output += output(n, j);
    for (std::size_t j = 0; j < J; ++j) {
      const double go = output(n, j);
      if (go <= 0.0) {
        out.Warning("no output", at.ValueAdded(n, j, "share"),
                    fmt::format("{} has no output", Cell(b, n, j)),
                    "legal: the region buys the sector's goods from others only");
      } else if (go < kTinySectorShare * region_output) {
        out.Warning("tiny sector", at.ValueAdded(n, j, "share"),
                    fmt::format("{} is tiny: output {} is {} of the region's", Cell(b, n, j),
                                Num(go), Num(go / region_output)),
                    "check the units of its flows");
      } else if (b.trade_flows(n, n, j) <= 0.0 && b.sectors[j].tradable) {
        out.Warning("zero domestic sales", at.Bilateral(false, n, n, j),
                    fmt::format("{} sells nothing at home (all of its output {} is exported)",
                                Cell(b, n, j), Num(go)),
                    "legal, but check that the domestic-sales row (importer = exporter) is there");
      }
    }
  }
}

}  // namespace

void CheckPackageData(const PackageData& d, ValidationReport& report) {
  Collector out(report);
  const Baseline& b = d.baseline;
  if (!DimensionsMatch(b)) {
    out.Error("dimensions", Location{"", 0, 0, "baseline"},
              "the baseline's arrays do not match its region and sector lists",
              "build baselines with MakeEmptyBaseline or ReadPackage");
    return;
  }
  if (b.region_count() < 2) {
    out.Error("regions", Location{"", 0, 0, "regions"}, "the model needs at least two regions", "");
    return;
  }
  const Locator at(d);
  if (!d.lines.from_files) CheckManifest(b.manifest, out);  // the reader checked the file
  CheckSectors(b, at, out);
  CheckBilateral(b, at, out);
  if (!DerivedSharesInFlowUnits(d, at, out)) return;
  CheckShares(d, at, out);
  if (out.errors() > 0) return;  // accounts and warnings are meaningless on invalid data
  AccountChecker(d, at, out).Run();
  CheckEconomy(d, at, out);
}

}  // namespace ricardo::data_internal

namespace ricardo {

std::string PackageIssue::ToString() const {
  const std::string place = where.ToString();
  std::string out = place.empty() ? problem : place + ": " + problem;
  if (!fix.empty()) out += " (" + fix + ")";
  return out;
}

ValidationReport ValidateBaseline(const Baseline& baseline) {
  data_internal::PackageData data;
  data.baseline = baseline;
  ValidationReport report;
  data_internal::CheckPackageData(data, report);
  return report;
}

void ThrowIfInvalid(const ValidationReport& report) {
  if (report.ok()) return;
  const PackageIssue& first = report.errors.front();
  throw DataError(first.where, first.problem, first.fix);
}

}  // namespace ricardo
