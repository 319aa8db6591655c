// Dense arrays with the model's index order.
//
// Every bilateral quantity in ricardo is an Array3 indexed (importer n, exporter i, sector j),
// row-major with the sector fastest, so that loops over sectors are contiguous. Every
// country-by-sector quantity is an Array2 indexed (country, sector).
#pragma once

#include <cstddef>
#include <vector>

namespace ricardo {

class Array2 {
 public:
  Array2() = default;
  Array2(std::size_t rows, std::size_t cols, double fill = 0.0)
      : rows_(rows), cols_(cols), values_(rows * cols, fill) {}

  double& operator()(std::size_t r, std::size_t c) { return values_[r * cols_ + c]; }
  double operator()(std::size_t r, std::size_t c) const { return values_[r * cols_ + c]; }

  std::size_t rows() const { return rows_; }
  std::size_t cols() const { return cols_; }
  std::size_t size() const { return values_.size(); }
  double* data() { return values_.data(); }
  const double* data() const { return values_.data(); }
  double* row(std::size_t r) { return values_.data() + r * cols_; }
  const double* row(std::size_t r) const { return values_.data() + r * cols_; }
  std::vector<double>& values() { return values_; }
  const std::vector<double>& values() const { return values_; }

  bool operator==(const Array2&) const = default;

 private:
  std::size_t rows_ = 0;
  std::size_t cols_ = 0;
  std::vector<double> values_;
};

class Array3 {
 public:
  Array3() = default;
  Array3(std::size_t d0, std::size_t d1, std::size_t d2, double fill = 0.0)
      : d0_(d0), d1_(d1), d2_(d2), values_(d0 * d1 * d2, fill) {}

  double& operator()(std::size_t a, std::size_t b, std::size_t c) {
    return values_[(a * d1_ + b) * d2_ + c];
  }
  double operator()(std::size_t a, std::size_t b, std::size_t c) const {
    return values_[(a * d1_ + b) * d2_ + c];
  }

  std::size_t dim0() const { return d0_; }
  std::size_t dim1() const { return d1_; }
  std::size_t dim2() const { return d2_; }
  std::size_t size() const { return values_.size(); }
  double* data() { return values_.data(); }
  const double* data() const { return values_.data(); }
  // Pointer to the contiguous run over the last index for fixed (a, b).
  double* row(std::size_t a, std::size_t b) { return values_.data() + (a * d1_ + b) * d2_; }
  const double* row(std::size_t a, std::size_t b) const {
    return values_.data() + (a * d1_ + b) * d2_;
  }
  std::vector<double>& values() { return values_; }
  const std::vector<double>& values() const { return values_; }

  bool operator==(const Array3&) const = default;

 private:
  std::size_t d0_ = 0;
  std::size_t d1_ = 0;
  std::size_t d2_ = 0;
  std::vector<double> values_;
};

}  // namespace ricardo
