// The random numbers of the draws: counter-based, so draw k is the same whoever solves it, and
// the inverse normal CDF written out, so the same seed gives the same θ with any standard library.
#include <cmath>

#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/uncertainty.hpp"

namespace ricardo {
namespace {

// SplitMix64's finaliser (Steele, Lea and Flood 2014): a bijection of 64-bit words whose output
// bits each depend on every input bit.
std::uint64_t Mix(std::uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

double NormalCdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

}  // namespace

double DrawUniform(std::uint64_t seed, std::uint64_t draw, std::uint32_t stream,
                   std::uint32_t index) {
  std::uint64_t h = Mix(seed);
  h = Mix(h ^ draw);
  h = Mix(h ^ ((static_cast<std::uint64_t>(stream) << 32) | index));
  // The top 53 bits, centred in their interval: strictly inside (0, 1).
  return (static_cast<double>(h >> 11) + 0.5) * 0x1.0p-53;
}

// Wichura (1988), Algorithm AS 241 (PPND16), Applied Statistics 37(3): 477–484.
double InverseNormalCdf(double p) {
  if (!(p > 0.0 && p < 1.0))
    throw ArgumentError(fmt::format("the inverse normal CDF needs 0 < p < 1, not {}", p));
  const double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q *
           (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) *
                    r +
                45921.953931549871457) *
                   r +
               13731.693765509461125) *
                  r +
              1971.5909503065514427) *
                 r +
             133.14166789178437745) *
                r +
            3.387132872796366608) /
           (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) *
                    r +
                21213.794301586595867) *
                   r +
               5394.1960214247511077) *
                  r +
              687.1870074920579083) *
                 r +
             42.313330701600911252) *
                r +
            1.0);
  }
  double r = std::sqrt(-std::log(q < 0.0 ? p : 1.0 - p));
  double x = 0.0;
  if (r <= 5.0) {
    r -= 1.6;
    x = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r +
              0.24178072517745061177) *
                 r +
             1.27045825245236838258) *
                r +
            3.64784832476320460504) *
               r +
           5.7694972214606914055) *
              r +
          4.6303378461565452959) *
             r +
         1.42343711074968357734) /
        (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r +
              0.0151986665636164571966) *
                 r +
             0.14810397642748007459) *
                r +
            0.68976733498510000455) *
               r +
           1.6763848301838038494) *
              r +
          2.05319162663775882187) *
             r +
         1.0);
  } else {
    r -= 5.0;
    x = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r +
              0.0012426609473880784386) *
                 r +
             0.026532189526576123093) *
                r +
            0.29656057182850489123) *
               r +
           1.7848265399172913358) *
              r +
          5.4637849111641143699) *
             r +
         6.6579046435011037772) /
        (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r +
              1.8463183175100546818e-5) *
                 r +
             7.868691311456132591e-4) *
                r +
            0.0148753612908506148525) *
               r +
           0.13692988092273580531) *
              r +
          0.59983220655588793769) *
             r +
         1.0);
  }
  return q < 0.0 ? -x : x;
}

std::vector<double> DrawTheta(const Baseline& baseline, std::uint64_t seed, std::uint64_t draw) {
  std::vector<double> theta(baseline.sector_count());
  for (std::size_t j = 0; j < theta.size(); ++j) {
    const Sector& s = baseline.sectors[j];
    theta[j] = s.theta;
    if (!(s.theta_se > 0.0)) continue;
    // Normal(θ, se²) truncated to θ > kMinDrawnTheta, by its inverse CDF: u ↦ the u-quantile of
    // the truncated distribution. Below 1 the model's gravity elasticity would be implausibly
    // small (CP's insignificant estimates for auto and other transport are the case); the
    // truncation raises the mean where se is large relative to θ − 1 (docs/uncertainty.md).
    const double u = DrawUniform(seed, draw, kStreamTheta, static_cast<std::uint32_t>(j));
    const double below = NormalCdf((kMinDrawnTheta - s.theta) / s.theta_se);
    theta[j] = s.theta + s.theta_se * InverseNormalCdf(below + u * (1.0 - below));
  }
  return theta;
}

}  // namespace ricardo
