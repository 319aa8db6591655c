// Anderson mixing (type II) for fixed-point iterations x = g(x), with a restart safeguard.
#pragma once

#include <Eigen/Dense>
#include <vector>

namespace ricardo::detail {

class AndersonMixer {
 public:
  // `memory` past differences are kept; memory = 0 gives the plain iteration x ← g(x).
  AndersonMixer(std::size_t dimension, int memory);

  // Given the current iterate x and g(x), overwrites x with the next iterate.
  void Step(std::vector<double>& x, const std::vector<double>& g);
  // Forgets the history (after a bad step or a change of the underlying map).
  void Reset();

 private:
  std::size_t dimension_;
  int memory_;
  int stored_ = 0;       // columns of history in use
  int next_column_ = 0;  // ring-buffer position
  bool has_previous_ = false;
  Eigen::VectorXd previous_f_, previous_g_;
  Eigen::MatrixXd delta_f_, delta_g_;
  double best_norm_ = 0.0;
  // Scratch reused by every Step (same operations as fresh temporaries; allocating them per
  // step made the solver's allocations contend for malloc's locks under concurrent solves).
  Eigen::VectorXd f_, gamma_, correction_;
  Eigen::MatrixXd df_;
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr_;
};

}  // namespace ricardo::detail
