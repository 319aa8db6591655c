#include "model/anderson.hpp"

#include <cmath>

namespace ricardo::detail {

AndersonMixer::AndersonMixer(std::size_t dimension, int memory)
    : dimension_(dimension),
      memory_(memory),
      previous_f_(Eigen::VectorXd::Zero(static_cast<Eigen::Index>(dimension))),
      previous_g_(Eigen::VectorXd::Zero(static_cast<Eigen::Index>(dimension))),
      delta_f_(static_cast<Eigen::Index>(dimension), std::max(memory, 1)),
      delta_g_(static_cast<Eigen::Index>(dimension), std::max(memory, 1)) {}

void AndersonMixer::Reset() {
  stored_ = 0;
  next_column_ = 0;
  has_previous_ = false;
}

void AndersonMixer::Step(std::vector<double>& x, const std::vector<double>& g) {
  const auto dim = static_cast<Eigen::Index>(dimension_);
  Eigen::Map<Eigen::VectorXd> xv(x.data(), dim);
  const Eigen::Map<const Eigen::VectorXd> gv(g.data(), dim);
  f_ = gv - xv;
  const Eigen::VectorXd& f = f_;
  const double norm = f.norm();
  if (memory_ <= 0 || !std::isfinite(norm)) {
    xv = gv;
    Reset();
    return;
  }
  // Restart when the residual has grown well past the best seen: the history no longer
  // describes the map near the current iterate.
  if (has_previous_ && norm > 1e3 * best_norm_) {
    Reset();
  }
  if (!has_previous_) best_norm_ = norm;
  best_norm_ = std::min(best_norm_, norm);

  if (has_previous_) {
    delta_f_.col(next_column_) = f - previous_f_;
    delta_g_.col(next_column_) = gv - previous_g_;
    next_column_ = (next_column_ + 1) % memory_;
    stored_ = std::min(stored_ + 1, memory_);
  }
  previous_f_ = f;
  previous_g_ = gv;
  has_previous_ = true;

  if (stored_ == 0) {
    xv = gv;
    return;
  }
  df_ = delta_f_.leftCols(stored_);
  qr_.compute(df_);
  gamma_ = qr_.solve(f);
  if (!gamma_.allFinite()) {
    xv = gv;
    Reset();
    return;
  }
  correction_.noalias() = delta_g_.leftCols(stored_) * gamma_;
  xv = gv - correction_;
}

}  // namespace ricardo::detail
