#include "model/kernels.hpp"

#include <cmath>

namespace ricardo::detail {

namespace {

// Runs body(row) for every row, across m.threads threads when more than one is asked for.
// The serial case does not enter OpenMP at all: even with an `if (false)` clause, libgomp's
// parallel-region entry and exit make futex system calls (≈ 420 per solve of north-america;
// skipping them took that solve from 1.24 to 1.02 ms on one idle core).
template <class Body>
void ForEachRow(const ModelData& m, std::size_t rows, const Body& body) {
  if (m.threads > 1) {
#pragma omp parallel for num_threads(m.threads)
    for (std::size_t r = 0; r < rows; ++r) body(r);
  } else {
    for (std::size_t r = 0; r < rows; ++r) body(r);
  }
}

}  // namespace

void ComputeLogCost(const ModelData& m, const std::vector<double>& log_wage,
                    const Array2& log_price, Array2& log_cost) {
  const std::size_t N = m.N, J = m.J;
  ForEachRow(m, N, [&](std::size_t n) {
    const double* lp = log_price.row(n);
    for (std::size_t j = 0; j < J; ++j) {
      const double* coef = m.input_coef_by_user.row(n, j);
      double acc = m.va_share(n, j) * log_wage[n];
      for (std::size_t k = 0; k < J; ++k) acc += coef[k] * lp[k];
      log_cost(n, j) = acc;
    }
  });
}

void ComputeLogPrice(const ModelData& m, const Array2& log_cost, Array2& cost_power,
                     Array2& price_sum, Array2& log_price) {
  const std::size_t N = m.N, J = m.J;
  for (std::size_t i = 0; i < N; ++i) {
    for (std::size_t j = 0; j < J; ++j) cost_power(i, j) = std::exp(-m.theta[j] * log_cost(i, j));
  }
  ForEachRow(m, N, [&](std::size_t n) {
    double* sum = price_sum.row(n);
    for (std::size_t j = 0; j < J; ++j) sum[j] = 0.0;
    for (std::size_t i = 0; i < N; ++i) {
      const double* a = m.weighted_shares.row(n, i);
      const double* cp = cost_power.row(i);
      for (std::size_t j = 0; j < J; ++j) sum[j] += a[j] * cp[j];
    }
    double* lp = log_price.row(n);
    for (std::size_t j = 0; j < J; ++j) lp[j] = sum[j] > 0.0 ? -std::log(sum[j]) / m.theta[j] : 0.0;
  });
}

void ComputeTradeShares(const ModelData& m, const Array2& cost_power, const Array2& price_sum,
                        Array3& trade_shares, Array3& purchase_share, Array2& tariff_free_share) {
  const std::size_t N = m.N, J = m.J;
  ForEachRow(m, N, [&](std::size_t n) {
    const double* sum = price_sum.row(n);
    double* f = tariff_free_share.row(n);
    for (std::size_t j = 0; j < J; ++j) f[j] = 0.0;
    for (std::size_t i = 0; i < N; ++i) {
      const double* a = m.weighted_shares.row(n, i);
      const double* cp = cost_power.row(i);
      const double* inv_kappa = m.inv_tariff_factor_new.row(n, i);
      double* share = trade_shares.row(n, i);
      double* purchase = purchase_share.row(n, i);
      for (std::size_t j = 0; j < J; ++j) {
        double s;
        if (sum[j] > 0.0) {
          s = a[j] * cp[j] / sum[j];
        } else {
          s = (i == n) ? 1.0 : 0.0;  // nobody buys this sector: keep it formally domestic
        }
        share[j] = s;
        purchase[j] = s * inv_kappa[j];
        f[j] += purchase[j];
      }
    }
  });
}

void ComputeGrossOutput(const ModelData& m, const Array3& purchase_share, const Array2& expenditure,
                        Array2& gross_output) {
  const std::size_t N = m.N, J = m.J;
  ForEachRow(m, N, [&](std::size_t i) {
    double* go = gross_output.row(i);
    for (std::size_t j = 0; j < J; ++j) go[j] = 0.0;
    for (std::size_t n = 0; n < N; ++n) {
      const double* p = purchase_share.row(n, i);
      const double* x = expenditure.row(n);
      for (std::size_t j = 0; j < J; ++j) go[j] += p[j] * x[j];
    }
  });
}

void ApplyExpenditureMap(const ModelData& m, const std::vector<double>& wage,
                         const Array3& purchase_share, const Array2& tariff_free_share,
                         const Array2& expenditure, Array2& gross_output_scratch,
                         Array2& expenditure_out) {
  const std::size_t N = m.N, J = m.J;
  ComputeGrossOutput(m, purchase_share, expenditure, gross_output_scratch);
  ForEachRow(m, N, [&](std::size_t n) {
    const double* x = expenditure.row(n);
    const double* f = tariff_free_share.row(n);
    double income = wage[n] * m.value_added[n] - m.surplus_new[n];
    for (std::size_t j = 0; j < J; ++j) income += (1.0 - f[j]) * x[j];
    const double* go = gross_output_scratch.row(n);
    double* out = expenditure_out.row(n);
    for (std::size_t k = 0; k < J; ++k) {
      const double* coef = m.input_coef_by_input.row(n, k);
      double acc = m.final_share(n, k) * income;
      for (std::size_t j = 0; j < J; ++j) acc += coef[j] * go[j];
      out[k] = acc;
    }
  });
}

void ComputeTradeBalanceResidual(const ModelData& m, const Array2& gross_output,
                                 const Array2& tariff_free_share, const Array2& expenditure,
                                 std::vector<double>& residual) {
  const std::size_t N = m.N, J = m.J;
  residual.assign(N, 0.0);
  for (std::size_t n = 0; n < N; ++n) {
    double sales = 0.0, purchases = 0.0;
    for (std::size_t j = 0; j < J; ++j) {
      sales += gross_output(n, j);
      purchases += tariff_free_share(n, j) * expenditure(n, j);
    }
    residual[n] = sales - purchases - m.surplus_new[n];
  }
}

double MaxRelativeResidual(const ModelData& m, const std::vector<double>& residual) {
  double worst = 0.0;
  for (std::size_t n = 0; n < m.N; ++n) {
    const double r = std::abs(residual[n]) / m.value_added[n];
    if (!(r <= worst)) worst = r;  // propagates NaN
  }
  return worst;
}

}  // namespace ricardo::detail
