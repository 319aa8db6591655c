// Speed of the product data (data/tariffs/), which every `ricardo run` loads once:
//
//  * BM_LoadProductData — ProductData::Load of the shipped directory (codes, lists, concordance,
//    metal content, monthly CAN/MEX imports, MFN rates, the proxy-weight inputs).
//  * BM_LoadProductDataFrom — the same for the directory in $RICARDO_BENCH_PRODUCT_DIR, to time
//    another version of the data with this loader (skipped when unset).
//  * BM_ProxyWeightsWorld — the proxy weights of all twelve regions of the world baseline, the
//    cache cleared each iteration (what a first compile on that baseline pays).
//
// Expected result, checked after the timed loop: the shipped data hold 23,636 codes, and the
// twelve regions' weights add up to the eight partner groups' 2024 total (US$3,123.8 billion).
// Run on one core:  taskset -c 0 build/bench/product_data_bench
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "ricardo/paths.hpp"
#include "tariffs/product_data.hpp"

namespace {

void BM_LoadProductData(benchmark::State& state) {
  std::shared_ptr<const ricardo::ProductData> products;
  for (auto _ : state) {
    products = ricardo::ProductData::Load(ricardo::DataDirectory() / "tariffs");
    benchmark::DoNotOptimize(products);
  }
  if (products->code_count() != 23636) state.SkipWithError("unexpected code count");
  state.counters["codes"] = static_cast<double>(products->code_count());
  state.counters["lists"] = static_cast<double>(products->list_names().size());
}
BENCHMARK(BM_LoadProductData)->Unit(benchmark::kMillisecond);

void BM_LoadProductDataFrom(benchmark::State& state) {
  const char* dir = std::getenv("RICARDO_BENCH_PRODUCT_DIR");
  if (!dir) {
    state.SkipWithError("RICARDO_BENCH_PRODUCT_DIR is not set");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(ricardo::ProductData::Load(dir));
}
BENCHMARK(BM_LoadProductDataFrom)->Unit(benchmark::kMillisecond);

void BM_ProxyWeightsWorld(benchmark::State& state) {
  const auto products = ricardo::ProductData::Load(ricardo::DataDirectory() / "tariffs");
  const std::vector<std::string> regions = {"USA", "CAN", "MEX", "CHN", "EU27", "GBR",
                                            "JPN", "KOR", "IND", "TWN", "BRA",  "ROW"};
  double total = 0.0;
  for (auto _ : state) {
    products->derived_cache().Clear();
    total = 0.0;
    for (const std::string& region : regions) {
      if (const auto set = products->ProxyWeights(region, regions)) {
        for (const auto& line : set->lines) total += line.value_usd;
      }
    }
  }
  if (std::abs(total / 1e9 - 3123.77) > 0.01)
    state.SkipWithError("weights do not add up to the groups' total");
  state.counters["total_usd_bn"] = total / 1e9;
}
BENCHMARK(BM_ProxyWeightsWorld)->Unit(benchmark::kMillisecond);

}  // namespace
