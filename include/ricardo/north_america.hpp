// The built-in baseline "north-america" (USA, CAN, MEX, ROW) is built by BuildNorthAmerica in
// builtin_baselines.hpp, by the same method as "world". This header keeps GoodsSectors, which
// the summaries, benchmarks and builds use to tell goods from services.
#pragma once

#include <vector>

#include "ricardo/baseline.hpp"
#include "ricardo/builtin_baselines.hpp"

namespace ricardo {

// The goods sectors of a baseline: those whose ISIC Rev.3 divisions all lie in 01–37
// (agriculture, mining, manufacturing); sectors without ISIC divisions count as goods when
// tradable.
std::vector<bool> GoodsSectors(const Baseline& baseline);

}  // namespace ricardo
