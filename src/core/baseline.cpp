#include "ricardo/baseline.hpp"

#include <cmath>

#include "fmt/format.h"

namespace ricardo {

std::string Manifest::MoneyUnitLabel() const {
  const std::string prefix = currency == "USD" ? "US$" : currency;
  struct Named {
    double value;
    const char* name;
  };
  static constexpr Named kNamed[] = {
      {1.0, ""}, {1e3, " thousand"}, {1e6, " million"}, {1e9, " billion"}, {1e12, " trillion"}};
  for (const auto& named : kNamed) {
    if (money_unit == named.value) return prefix + named.name;
  }
  for (const auto& named : kNamed) {
    const double multiple = money_unit / named.value;
    if (named.value > 1.0 && multiple >= 1.0 && multiple < 1000.0 &&
        multiple == std::round(multiple)) {
      return fmt::format("{} {:g}{}", prefix, multiple, named.name);
    }
  }
  return fmt::format("{} {:g}", prefix, money_unit);
}

std::optional<std::size_t> Baseline::FindRegion(const std::string& code) const {
  for (std::size_t n = 0; n < regions.size(); ++n) {
    if (regions[n].code == code) return n;
  }
  return std::nullopt;
}

std::optional<std::size_t> Baseline::FindSector(const std::string& code) const {
  for (std::size_t j = 0; j < sectors.size(); ++j) {
    if (sectors[j].code == code) return j;
  }
  return std::nullopt;
}

Baseline MakeEmptyBaseline(std::vector<Region> regions, std::vector<Sector> sectors) {
  Baseline b;
  const std::size_t n = regions.size();
  const std::size_t j = sectors.size();
  b.regions = std::move(regions);
  b.sectors = std::move(sectors);
  b.trade_flows = Array3(n, n, j);
  b.tariff_rates = Array3(n, n, j);
  b.value_added_share = Array2(n, j);
  b.input_shares = Array3(n, j, j);
  b.final_demand_share = Array2(n, j);
  return b;
}

Array2 GrossOutput(const Baseline& b) {
  const std::size_t N = b.region_count(), J = b.sector_count();
  Array2 out(N, J);
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t i = 0; i < N; ++i) {
      const double* flow = b.trade_flows.row(n, i);
      double* go = out.row(i);
      for (std::size_t j = 0; j < J; ++j) go[j] += flow[j];
    }
  }
  return out;
}

Array2 Expenditure(const Baseline& b) {
  const std::size_t N = b.region_count(), J = b.sector_count();
  Array2 out(N, J);
  for (std::size_t n = 0; n < N; ++n) {
    double* x = out.row(n);
    for (std::size_t i = 0; i < N; ++i) {
      const double* flow = b.trade_flows.row(n, i);
      const double* t = b.tariff_rates.row(n, i);
      for (std::size_t j = 0; j < J; ++j) x[j] += (1.0 + t[j]) * flow[j];
    }
  }
  return out;
}

Array3 ExpenditureShares(const Baseline& b) {
  const std::size_t N = b.region_count(), J = b.sector_count();
  const Array2 x = Expenditure(b);
  Array3 pi(N, N, J);
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t i = 0; i < N; ++i) {
      const double* flow = b.trade_flows.row(n, i);
      const double* t = b.tariff_rates.row(n, i);
      double* share = pi.row(n, i);
      for (std::size_t j = 0; j < J; ++j) {
        if (x(n, j) > 0.0) {
          share[j] = (1.0 + t[j]) * flow[j] / x(n, j);
        } else {
          share[j] = (i == n) ? 1.0 : 0.0;  // no expenditure: treat as all domestic
        }
      }
    }
  }
  return pi;
}

std::vector<double> ValueAdded(const Baseline& b) {
  const std::size_t N = b.region_count(), J = b.sector_count();
  const Array2 go = GrossOutput(b);
  std::vector<double> va(N, 0.0);
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t j = 0; j < J; ++j) va[n] += b.value_added_share(n, j) * go(n, j);
  }
  return va;
}

std::vector<double> Exports(const Baseline& b) {
  const std::size_t N = b.region_count(), J = b.sector_count();
  std::vector<double> out(N, 0.0);
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t i = 0; i < N; ++i) {
      if (i == n) continue;
      const double* flow = b.trade_flows.row(n, i);
      for (std::size_t j = 0; j < J; ++j) out[i] += flow[j];
    }
  }
  return out;
}

std::vector<double> Imports(const Baseline& b) {
  const std::size_t N = b.region_count(), J = b.sector_count();
  std::vector<double> out(N, 0.0);
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t i = 0; i < N; ++i) {
      if (i == n) continue;
      const double* flow = b.trade_flows.row(n, i);
      for (std::size_t j = 0; j < J; ++j) out[n] += flow[j];
    }
  }
  return out;
}

std::vector<double> TradeSurplus(const Baseline& b) {
  const std::vector<double> x = Exports(b);
  const std::vector<double> m = Imports(b);
  std::vector<double> s(x.size());
  for (std::size_t n = 0; n < s.size(); ++n) s[n] = x[n] - m[n];
  return s;
}

std::vector<double> TariffRevenue(const Baseline& b) {
  const std::size_t N = b.region_count(), J = b.sector_count();
  std::vector<double> out(N, 0.0);
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t i = 0; i < N; ++i) {
      const double* flow = b.trade_flows.row(n, i);
      const double* t = b.tariff_rates.row(n, i);
      for (std::size_t j = 0; j < J; ++j) out[n] += t[j] * flow[j];
    }
  }
  return out;
}

std::vector<double> NationalIncome(const Baseline& b) {
  const std::vector<double> va = ValueAdded(b);
  const std::vector<double> revenue = TariffRevenue(b);
  const std::vector<double> surplus = TradeSurplus(b);
  std::vector<double> income(va.size());
  for (std::size_t n = 0; n < income.size(); ++n) income[n] = va[n] + revenue[n] - surplus[n];
  return income;
}

Baseline ScaleMoney(const Baseline& b, double factor) {
  Baseline out = b;
  for (double& v : out.trade_flows.values()) v *= factor;
  out.manifest.money_unit = b.manifest.money_unit / factor;
  return out;
}

}  // namespace ricardo
