// How many regions, sectors and pairs a chart shows. Vega renders every mark of a chart and
// inlines it in report.html, so a 100-region × 100-sector baseline (10,000 heatmap cells, 9,900
// importer–exporter pairs) makes an unreadable page and overflows the renderer's stack. Charts
// above a cap show the largest items by base-year size and say so under the chart; every item
// stays in the CSV files and run.json. The caps are above the built-in baselines (12 regions,
// 35 sectors, 33 tariff pairs), whose charts are complete.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ricardo/run.hpp"

namespace ricardo::detail {

inline constexpr std::size_t kChartRegionsMax = 20;   // bars by region
inline constexpr std::size_t kMatrixRegionsMax = 12;  // rows and columns of the trade matrix
inline constexpr std::size_t kChartSectorsMax = 40;   // rows of the sector heatmaps
inline constexpr std::size_t kChartPairsMax = 40;     // importer ← exporter pairs
inline constexpr std::size_t kChartPartnersMax = 20;  // partners in the import-share chart

// The `cap` indices of `candidates` with the largest `size` (ties: the lower index), in their
// original order; all of them when there are no more than `cap`.
std::vector<std::size_t> LargestInOrder(const std::vector<std::size_t>& candidates,
                                        const std::vector<double>& size, std::size_t cap);

// Every region, or the kChartRegionsMax largest by base-year income.
std::vector<std::size_t> ChartRegions(const RunResult& result);
// Every sector, or the kChartSectorsMax largest by world base-year gross output.
std::vector<std::size_t> ChartSectors(const RunResult& result,
                                      const std::vector<std::size_t>& among);

// The sentence under a capped chart: "Shows the 20 largest of 100 regions by base-year income;
// every region is in country_changes.csv." Empty when nothing was left out.
std::string LimitNote(std::size_t shown, std::size_t total, const std::string& items,
                      const std::string& by, const std::string& where_all);

}  // namespace ricardo::detail
