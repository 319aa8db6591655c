// The random numbers of the draws: the inverse normal CDF, the counter-based uniforms, the
// truncated θ draws and the percentile bands.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "ricardo/error.hpp"
#include "ricardo/uncertainty.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

double NormalCdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

TEST(InverseNormalCdf, KnownQuantiles) {
  EXPECT_DOUBLE_EQ(InverseNormalCdf(0.5), 0.0);
  EXPECT_NEAR(InverseNormalCdf(0.975), 1.959963984540054, 1e-14);
  EXPECT_NEAR(InverseNormalCdf(0.05), -1.6448536269514729, 1e-14);
  EXPECT_NEAR(InverseNormalCdf(1e-10), -6.361340902404056, 1e-12);
}

// Φ(Φ⁻¹(p)) = p across the three branches of AS 241 (a wrong coefficient shows here).
TEST(InverseNormalCdf, InvertsTheNormalCdf) {
  for (double p = 1e-300; p < 0.5; p *= 3.7) {
    EXPECT_NEAR(NormalCdf(InverseNormalCdf(p)) / p, 1.0, 1e-12) << p;
  }
  for (int k = 1; k < 1000; ++k) {
    const double p = k / 1000.0;
    EXPECT_NEAR(NormalCdf(InverseNormalCdf(p)), p, 1e-15) << p;
  }
  EXPECT_THROW(InverseNormalCdf(0.0), ArgumentError);
  EXPECT_THROW(InverseNormalCdf(1.0), ArgumentError);
}

TEST(DrawUniform, SameCounterSameNumberOtherwiseNot) {
  EXPECT_EQ(DrawUniform(1, 7, kStreamTheta, 3), DrawUniform(1, 7, kStreamTheta, 3));
  std::set<double> seen;
  for (std::uint64_t seed : {1, 2})
    for (std::uint64_t draw = 0; draw < 50; ++draw)
      for (std::uint32_t stream : {kStreamTheta, kStreamUsmca})
        for (std::uint32_t index = 0; index < 20; ++index) {
          const double u = DrawUniform(seed, draw, stream, index);
          ASSERT_GT(u, 0.0);
          ASSERT_LT(u, 1.0);
          seen.insert(u);
        }
  EXPECT_EQ(seen.size(), 2u * 50 * 2 * 20);
}

TEST(DrawUniform, IsUniform) {
  const int n = 200000;
  double sum = 0.0, below_tenth = 0.0;
  for (int k = 0; k < n; ++k) {
    const double u = DrawUniform(42, static_cast<std::uint64_t>(k), kStreamTheta, 0);
    sum += u;
    below_tenth += u < 0.1;
  }
  EXPECT_NEAR(sum / n, 0.5, 0.003);
  EXPECT_NEAR(below_tenth / n, 0.1, 0.003);
}

Baseline TwoSectors(double theta0, double se0, double theta1, double se1) {
  Baseline b = testing::MakeRandomBaseline(3, 2, 5);
  b.sectors[0].theta = theta0;
  b.sectors[0].theta_se = se0;
  b.sectors[1].theta = theta1;
  b.sectors[1].theta_se = se1;
  return b;
}

// A precise estimate: the draws have the estimate's mean and standard error; a sector without a
// standard error keeps its θ.
TEST(DrawTheta, MomentsOfAPreciseEstimate) {
  const Baseline b = TwoSectors(10.0, 1.0, 4.0, 0.0);
  const int n = 20000;
  double sum = 0.0, squares = 0.0;
  for (int k = 0; k < n; ++k) {
    const std::vector<double> theta = DrawTheta(b, 3, static_cast<std::uint64_t>(k));
    ASSERT_EQ(theta[1], 4.0);
    sum += theta[0];
    squares += theta[0] * theta[0];
  }
  const double mean = sum / n, sd = std::sqrt(squares / n - mean * mean);
  EXPECT_NEAR(mean, 10.0, 0.03);
  EXPECT_NEAR(sd, 1.0, 0.03);
}

// An imprecise one (machinery: 1.45 with s.e. 1.81) stays above 1, and its draws follow the
// truncated normal: P(θ ≤ x) = (Φ((x − μ)/σ) − Φ(a)) / (1 − Φ(a)).
TEST(DrawTheta, TruncatedAboveOne) {
  const Baseline b = TwoSectors(1.45, 1.81, 8.0, 2.0);
  const int n = 20000;
  int below_two = 0;
  for (int k = 0; k < n; ++k) {
    const std::vector<double> theta = DrawTheta(b, 9, static_cast<std::uint64_t>(k));
    ASSERT_GT(theta[0], kMinDrawnTheta);
    ASSERT_GT(theta[1], kMinDrawnTheta);
    below_two += theta[0] <= 2.0;
  }
  const double a = NormalCdf((1.0 - 1.45) / 1.81);
  const double expected = (NormalCdf((2.0 - 1.45) / 1.81) - a) / (1.0 - a);
  EXPECT_NEAR(static_cast<double>(below_two) / n, expected, 0.01);
}

// Common random numbers: the same seed and draw give the same θ whatever else is drawn.
TEST(DrawTheta, SameSeedSameDraws) {
  const Baseline b = TwoSectors(5.0, 1.0, 8.0, 2.0);
  EXPECT_EQ(DrawTheta(b, 1, 17), DrawTheta(b, 1, 17));
  EXPECT_NE(DrawTheta(b, 1, 17), DrawTheta(b, 2, 17));
  EXPECT_NE(DrawTheta(b, 1, 17), DrawTheta(b, 1, 18));
}

// Draws of a large baseline that would not fit in memory are refused before anything is solved.
TEST(Draws, TooManyValuesIsALimitError) {
  const Baseline b = testing::MakeRandomBaseline(140, 2, 3);
  DrawSettings settings;
  settings.draws = 100'000;
  try {
    RunDraws(b, Shock::None(b), Solution{}, UncertaintyInputs{}, settings);
    FAIL() << "expected a LimitError";
  } catch (const LimitError& e) {
    EXPECT_EQ(std::string(e.what()),
              "--draws: 100000 draws of a 140-region baseline would hold 2016000000 outcome "
              "values, more than the 250000000 one run holds (ask for at most 12400 draws, or "
              "spread them over several seeds with `ricardo sweep`)");
  }
}

TEST(DrawOutcomesBytes, RoundTripBitForBit) {
  DrawOutcomes d;
  d.converged = true;
  d.welfare_pct = {-0.1, 0.2};
  d.real_wage_pct = {1.0 / 3.0, -2.0};
  d.exports_pct = {NAN, 5.0};
  d.imports_pct = {6.0, 7.0};
  d.bilateral_trade_pct = {NAN, -3.0, 4.0, NAN};
  const DrawOutcomes back = DrawOutcomesFromBytes(DrawOutcomesToBytes(d), 2);
  EXPECT_TRUE(back.converged);
  EXPECT_EQ(back.welfare_pct, d.welfare_pct);
  EXPECT_EQ(back.real_wage_pct, d.real_wage_pct);
  EXPECT_TRUE(std::isnan(back.exports_pct[0]));
  EXPECT_EQ(back.imports_pct, d.imports_pct);
  EXPECT_EQ(back.bilateral_trade_pct[1], -3.0);
  EXPECT_THROW(DrawOutcomesFromBytes(DrawOutcomesToBytes(d), 3), Error);
}

TEST(BandOf, InterpolatesBetweenOrderStatistics) {
  std::vector<double> values;
  for (int k = 101; k >= 1; --k) values.push_back(k);
  values.push_back(NAN);
  const Band b = BandOf(values);
  EXPECT_DOUBLE_EQ(b.p05, 6.0);
  EXPECT_DOUBLE_EQ(b.p50, 51.0);
  EXPECT_DOUBLE_EQ(b.p95, 96.0);
  const Band two = BandOf({0.0, 1.0});
  EXPECT_DOUBLE_EQ(two.p05, 0.05);
  EXPECT_DOUBLE_EQ(two.p95, 0.95);
  EXPECT_TRUE(std::isnan(BandOf({NAN}).p50));
}

}  // namespace
}  // namespace ricardo
