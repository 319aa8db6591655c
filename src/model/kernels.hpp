// The equilibrium equations as fast kernels shared by both algorithms.
#pragma once

#include <vector>

#include "model/model_data.hpp"

namespace ricardo::detail {

// (1): log_cost(n, j) = γ_nj ln ŵ_n + Σ_k γ_n^{k,j} log_price(n, k).
void ComputeLogCost(const ModelData& m, const std::vector<double>& log_wage,
                    const Array2& log_price, Array2& log_cost);

// (2): from log costs, the price-index sums D_nj = Σ_i a_nij ĉ_ij^(−θ_j) and
// log P̂_nj = −ln(D_nj)/θ_j (0 where D_nj = 0: a sector nobody buys). `cost_power` receives
// ĉ_ij^(−θ_j).
void ComputeLogPrice(const ModelData& m, const Array2& log_cost, Array2& cost_power,
                     Array2& price_sum, Array2& log_price);

// (3): π′_nij = a_nij ĉ_ij^(−θ_j) / D_nj; also purchase_share = π′/(1 + t′) and
// tariff_free_share F_nj = Σ_i π′_nij / (1 + t′_nij).
void ComputeTradeShares(const ModelData& m, const Array2& cost_power, const Array2& price_sum,
                        Array3& trade_shares, Array3& purchase_share, Array2& tariff_free_share);

// Sales by exporter: gross_output(i, j) = Σ_n purchase_share(n, i, j) X′_nj.
void ComputeGrossOutput(const ModelData& m, const Array3& purchase_share, const Array2& expenditure,
                        Array2& gross_output);

// (4): the right-hand side of the expenditure system for given X′ (a linear map in X′).
void ApplyExpenditureMap(const ModelData& m, const std::vector<double>& wage,
                         const Array3& purchase_share, const Array2& tariff_free_share,
                         const Array2& expenditure, Array2& gross_output_scratch,
                         Array2& expenditure_out);

// (5): residual_n = sales_n − purchases_n − S′_n, both net of tariffs (domestic sales cancel).
void ComputeTradeBalanceResidual(const ModelData& m, const Array2& gross_output,
                                 const Array2& tariff_free_share, const Array2& expenditure,
                                 std::vector<double>& residual);

// max_n |residual_n| / VA_n
double MaxRelativeResidual(const ModelData& m, const std::vector<double>& residual);

}  // namespace ricardo::detail
