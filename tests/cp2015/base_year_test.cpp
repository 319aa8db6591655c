// The cp2015 base-year construction against the authors' own computed base year
// (../shared/data/cp2015/base_year_1993), and the raw-file reader's errors.
#include <cmath>
#include <fstream>
#include <sstream>

#include "fmt/format.h"
#include "gtest/gtest.h"
#include "ricardo/cp2015.hpp"
#include "ricardo/error.hpp"
#include "ricardo/outcomes.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

constexpr std::size_t N = cp2015::kCountries, J = cp2015::kSectors;

const cp2015::RawData& Raw() {
  static const cp2015::RawData raw = cp2015::ReadRaw(cp2015::ShippedDataDirectory());
  return raw;
}

const cp2015::BaseYear& Built() {
  static const cp2015::BaseYear base = cp2015::BuildBaseYear(Raw());
  return base;
}

std::vector<double> ReadCsv(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<double> values;
  std::string line, token;
  while (std::getline(in, line)) {
    std::stringstream row(line);
    while (std::getline(row, token, ',')) values.push_back(std::stod(token));
  }
  return values;
}

// Compares one of our base years with the authors' files `<prefix>_*.csv`, whose money unit is
// `authors_unit_usd` (ours is US$ 1e10).
void ExpectMatchesAuthors(const Baseline& b, const std::string& prefix, double authors_unit_usd) {
  REQUIRE_SHARED_DATA(dir, "cp2015/base_year_1993");
  const double to_authors = 1e10 / authors_unit_usd;
  const auto din = ReadCsv(dir / (prefix + "_Din.csv"));
  const auto flows = ReadCsv(dir / (prefix + "_xbilattau.csv"));
  const auto tau = ReadCsv(dir / (prefix + "_tau.csv"));
  const auto va = ReadCsv(dir / (prefix + "_VAn.csv"));
  const auto alphas = ReadCsv(dir / (prefix + "_alphas.csv"));
  const auto x0 = ReadCsv(dir / (prefix + "_X0.csv"));
  const auto g = ReadCsv(dir / (prefix + "_G.csv"));
  const auto bshare = ReadCsv(dir / (prefix + "_B.csv"));
  ASSERT_EQ(din.size(), N * N * J);
  const Array3 pi = ExpenditureShares(b);
  const Array2 expenditure = Expenditure(b);
  const std::vector<double> value_added = ValueAdded(b);
  // Relative error, measured against at least 1e-6 of the field's largest value: the authors
  // compute domestic sales as output minus exports, which leaves rounding residues (~1e-16 of
  // the largest value) where the exact value is zero. Values above 1e-6 of the largest are thus
  // compared at 1e-8 relative; smaller ones at 1e-14 of the largest.
  double worst = 0.0;
  std::string where;
  auto compare = [&worst, &where](const char* field, const std::vector<double>& computed,
                                  const std::vector<double>& reference) {
    ASSERT_EQ(computed.size(), reference.size()) << field;
    double largest = 0.0;
    for (double r : reference) largest = std::max(largest, std::abs(r));
    for (std::size_t k = 0; k < computed.size(); ++k) {
      const double error =
          std::abs(computed[k] - reference[k]) / std::max(std::abs(reference[k]), 1e-6 * largest);
      if (error > worst) {
        worst = error;
        where = fmt::format("{}[{}]: {:.17g} vs {:.17g}", field, k, computed[k], reference[k]);
      }
    }
  };
  std::vector<double> our_din, our_flows, our_tau, our_va, our_alphas, our_x0, our_g, our_b;
  for (std::size_t j = 0; j < J; ++j)
    for (std::size_t n = 0; n < N; ++n)
      for (std::size_t i = 0; i < N; ++i) {
        // The authors' rows are (sector, importer), columns exporter: this loop order.
        our_din.push_back(pi(n, i, j));
        our_flows.push_back(b.trade_flows(n, i, j) * to_authors);
        our_tau.push_back(1.0 + b.tariff_rates(n, i, j));
      }
  for (std::size_t n = 0; n < N; ++n) our_va.push_back(value_added[n] * to_authors);
  for (std::size_t j = 0; j < J; ++j)
    for (std::size_t n = 0; n < N; ++n) {
      our_alphas.push_back(b.final_demand_share(n, j));
      our_x0.push_back(expenditure(n, j) * to_authors);
      our_b.push_back(b.value_added_share(n, j));
    }
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t k = 0; k < J; ++k)
      for (std::size_t j = 0; j < J; ++j) our_g.push_back(b.input_shares(n, k, j));
  compare("Din", our_din, din);
  compare("xbilattau", our_flows, flows);
  compare("tau", our_tau, tau);
  compare("VAn", our_va, va);
  compare("alphas", our_alphas, alphas);
  compare("X0", our_x0, x0);
  compare("B", our_b, bshare);
  compare("G", our_g, g);
  EXPECT_LE(worst, 1e-8) << prefix << " " << where;
}

TEST(Cp2015BaseYear, WithoutDeficitsMatchesTheAuthorsFiles) {
  ExpectMatchesAuthors(Built().without_deficits, "noS", 1e10);
}

TEST(Cp2015BaseYear, WithDeficitsMatchesTheAuthorsFiles) {
  ExpectMatchesAuthors(Built().with_deficits, "withS", 1e15);
}

TEST(Cp2015BaseYear, DeficitFreeBaseYearHasBalancedTrade) {
  const std::vector<double> surplus = TradeSurplus(Built().without_deficits);
  const std::vector<double> va = ValueAdded(Built().without_deficits);
  for (std::size_t n = 0; n < N; ++n) EXPECT_LE(std::abs(surplus[n]) / va[n], 1e-8);
  // ... and the one with deficits keeps the 1993 ones (the US ran a deficit).
  const std::size_t usa = *Built().with_deficits.FindRegion("USA");
  EXPECT_LT(TradeSurplus(Built().with_deficits)[usa], 0.0);
}

// The authors' base year is an equilibrium only up to the rounding of their input-output file:
// IO.txt's columns sum to 1 ± 1.6e-6, so value added Σ_j γ_nj GO_nj (their definition) differs
// from the factor income the expenditure system implies by ~1e-7, and a zero shock moves wages
// by ~1e-8. (On baselines whose shares sum to one exactly the invariant holds to 1e-10; see
// SolverInvariants.ZeroShockOnACalibratedBaselineChangesNothing.)
TEST(Cp2015BaseYear, ZeroShockOnTheBaseYearChangesNothing) {
  for (const Baseline* b : {&Built().without_deficits, &Built().with_deficits}) {
    const Solution s = Solve(*b, Shock::None(*b));
    ASSERT_TRUE(s.summary.IsConverged()) << s.summary.FullReport();
    for (double w : s.equilibrium.wage_ratio) EXPECT_NEAR(w, 1.0, 2e-8);
    for (double p : s.equilibrium.price_ratio.values()) EXPECT_NEAR(p, 1.0, 2e-8);
    const Array3 pi = ExpenditureShares(*b);
    for (std::size_t k = 0; k < pi.size(); ++k) {
      EXPECT_NEAR(s.equilibrium.trade_shares.values()[k], pi.values()[k], 1e-7);  // θ up to 65
    }
  }
}

TEST(Cp2015BaseYear, WithInputSharesSummingToOneTheZeroShockIsExact) {
  cp2015::RawData raw = Raw();
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t j = 0; j < J; ++j) {
      double sum = 0.0;
      for (std::size_t k = 0; k < J; ++k) sum += raw.io_shares(n, k, j);
      if (sum == 0.0) continue;
      for (std::size_t k = 0; k < J; ++k) raw.io_shares(n, k, j) /= sum;
    }
  const cp2015::BaseYear base = cp2015::BuildBaseYear(raw);
  const Baseline& b = base.without_deficits;
  const Solution s = Solve(b, Shock::None(b));
  ASSERT_TRUE(s.summary.IsConverged());
  for (double w : s.equilibrium.wage_ratio) EXPECT_NEAR(w, 1.0, 1e-10);
  for (double p : s.equilibrium.price_ratio.values()) EXPECT_NEAR(p, 1.0, 1e-10);
  const Array3 pi = ExpenditureShares(b);
  for (std::size_t k = 0; k < pi.size(); ++k) {
    EXPECT_NEAR(s.equilibrium.trade_shares.values()[k], pi.values()[k], 1e-10);
  }
  EXPECT_LE(s.summary.check.labour_market, 1e-10);
}

TEST(Cp2015BaseYear, NegativeInputShareIsKeptAndNoted) {
  const auto& notes = Built().notes;
  const std::string expected =
      "IO.txt row 180 column 11: negative input share -0.0008459 (CAN use of "
      "other_manufacturing in basic_metals) kept, as the authors do";
  EXPECT_NE(std::find(notes.begin(), notes.end(), expected), notes.end());
  EXPECT_LT(Built().data.input_shares(4, 19, 10), 0.0);
}

TEST(Cp2015BaseYear, ClippingTheNegativeShareRenormalisesItsColumn) {
  cp2015::BaseYearOptions options;
  options.negative_input_shares = cp2015::NegativeInputShares::kClipAndRenormalize;
  std::vector<std::string> notes;
  const Baseline b = cp2015::BuildDataBaseYear(Raw(), options, &notes);
  EXPECT_EQ(b.input_shares(4, 19, 10), 0.0);
  double sum = 0.0;
  for (std::size_t k = 0; k < J; ++k) sum += b.input_shares(4, k, 10);
  EXPECT_NEAR(sum, 1.0, 1e-15);
}

TEST(Cp2015BaseYear, GrossOutputIsRaisedToExportsWhereTheFilesFallShort) {
  const auto& notes = Built().notes;
  const auto raised = std::count_if(notes.begin(), notes.end(), [](const std::string& n) {
    return n.rfind("gross output of ", 0) == 0;
  });
  EXPECT_EQ(raised, 26);
  const Array2 go = GrossOutput(Built().data);
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < J; ++j) EXPECT_GE(Built().data.trade_flows(i, i, j), 0.0);
  (void)go;
}

// --- the raw-file reader's errors name the file, the row and the column ---

std::filesystem::path CopyRawFiles(const std::string& name) {
  const auto dir = testing::MakeTempDirectory(name);
  for (const auto& entry : std::filesystem::directory_iterator(cp2015::ShippedDataDirectory())) {
    std::filesystem::copy_file(entry.path(), dir / entry.path().filename());
  }
  return dir;
}

// Replaces field `column` (1-based) of line `row` (1-based) of a tab-separated file.
void ReplaceCell(const std::filesystem::path& file, std::size_t row, std::size_t column,
                 const std::string& value) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  in.close();
  std::vector<std::string> fields;
  std::stringstream ss(lines[row - 1]);
  for (std::string f; std::getline(ss, f, '\t');) fields.push_back(f);
  fields[column - 1] = value;
  std::string joined;
  for (std::size_t k = 0; k < fields.size(); ++k) {
    if (k > 0) joined.push_back('\t');
    joined.append(fields[k]);
  }
  lines[row - 1] = joined;
  std::ofstream out(file);
  for (const auto& l : lines) out << l << "\n";
}

std::string ReadRawError(const std::filesystem::path& dir) {
  try {
    cp2015::ReadRaw(dir);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(Cp2015Reader, NonNumericCellNamesFileRowAndColumn) {
  const auto dir = CopyRawFiles("raw");
  ReplaceCell(dir / "xbilat1993.txt", 12, 7, "abc");
  EXPECT_EQ(ReadRawError(dir),
            "xbilat1993.txt:12:7: value 'abc' is not a number (expected a decimal number such as "
            "1234.5 or 1.2E+09)");
}

TEST(Cp2015Reader, NegativeFlowIsRejected) {
  const auto dir = CopyRawFiles("raw");
  ReplaceCell(dir / "xbilat1993.txt", 40, 3, "-5");
  EXPECT_EQ(ReadRawError(dir),
            "xbilat1993.txt:40:3: value -5 is negative (values in this file must be >= 0)");
}

TEST(Cp2015Reader, MissingColumnIsRejected) {
  const auto dir = CopyRawFiles("raw");
  ReplaceCell(dir / "GO.txt", 3, 31, "1\t");  // adds an empty 32nd field
  EXPECT_EQ(ReadRawError(dir),
            "GO.txt:3: expected 31 columns, found 32 (every row must have the same number of "
            "values)");
}

TEST(Cp2015Reader, TruncatedFileIsRejected) {
  const auto dir = CopyRawFiles("raw");
  std::ofstream(dir / "T.txt") << "9.11\n13.53\n";
  EXPECT_EQ(ReadRawError(dir),
            "T.txt: expected 20 rows, found 2 (the file is truncated or has "
            "extra rows)");
}

TEST(Cp2015Reader, ImplausibleTariffIsRejected) {
  const auto dir = CopyRawFiles("raw");
  ReplaceCell(dir / "tariffs2005.txt", 100, 2, "25000");
  EXPECT_EQ(ReadRawError(dir),
            "tariffs2005.txt:100:2: tariff of 25000 percent is implausible (tariffs are in "
            "percent; check the value)");
}

TEST(Cp2015Reader, ValueAddedShareAboveOneIsRejected) {
  const auto dir = CopyRawFiles("raw");
  ReplaceCell(dir / "B.txt", 5, 9, "1.5");
  EXPECT_EQ(ReadRawError(dir),
            "B.txt:5:9: value-added share 1.5 is above 1 (B.txt holds value added as a share of "
            "gross output)");
}

TEST(Cp2015Reader, MissingFileIsNotFound) {
  const auto dir = CopyRawFiles("raw");
  std::filesystem::remove(dir / "IO.txt");
  EXPECT_EQ(ReadRawError(dir), (dir / "IO.txt").string() +
                                   ": cannot open file (check that the file exists and is "
                                   "readable)");
}

TEST(Cp2015Reader, CliReportsTheLocatedErrorWithExitCode3) {
  const auto dir = CopyRawFiles("raw");
  ReplaceCell(dir / "IO.txt", 7, 2, "x1");
  const auto result = testing::RunCli("replicate cp2015 --data-dir " + dir.string());
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.err,
            "ricardo: data error: IO.txt:7:2: value 'x1' is not a number (expected a decimal "
            "number such as 1234.5 or 1.2E+09)\n");
  EXPECT_EQ(result.out, "");
}

}  // namespace
}  // namespace ricardo
