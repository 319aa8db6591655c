// One draw's outcomes as bytes, to travel from an MPI rank to the coordinator: the converged
// flag, then the five vectors (welfare, real wage, exports, imports, bilateral trade) as raw
// doubles. Bits travel unchanged, so the coordinator's bands are those of a one-process run.
#include <cstring>

#include "fmt/format.h"
#include "ricardo/error.hpp"
#include "ricardo/uncertainty.hpp"

namespace ricardo {
namespace {

std::vector<double> DrawOutcomes::*const kVectors[] = {
    &DrawOutcomes::welfare_pct, &DrawOutcomes::real_wage_pct, &DrawOutcomes::exports_pct,
    &DrawOutcomes::imports_pct, &DrawOutcomes::bilateral_trade_pct};

// Lengths for `regions` regions: four vectors by region, then the (importer, exporter) pairs.
std::size_t Length(std::size_t vector, std::size_t regions) {
  return vector < 4 ? regions : regions * regions;
}

}  // namespace

std::string DrawOutcomesToBytes(const DrawOutcomes& d) {
  std::string out(1, d.converged ? '\1' : '\0');
  for (const auto member : kVectors) {
    const std::vector<double>& v = d.*member;
    out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(double));
  }
  return out;
}

DrawOutcomes DrawOutcomesFromBytes(std::string_view bytes, std::size_t regions) {
  const std::size_t doubles = 4 * regions + regions * regions;
  if (bytes.size() != 1 + doubles * sizeof(double)) {
    throw Error(ErrorKind::kInternal, Location{},
                fmt::format("a draw's result has {} bytes, expected {} for {} regions",
                            bytes.size(), 1 + doubles * sizeof(double), regions));
  }
  DrawOutcomes d;
  d.converged = bytes[0] != '\0';
  const char* at = bytes.data() + 1;
  for (std::size_t k = 0; k < std::size(kVectors); ++k) {
    std::vector<double>& v = d.*kVectors[k];
    v.resize(Length(k, regions));
    std::memcpy(v.data(), at, v.size() * sizeof(double));
    at += v.size() * sizeof(double);
  }
  return d;
}

}  // namespace ricardo
