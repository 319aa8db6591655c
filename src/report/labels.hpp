// Names for people in charts and report tables; the codes stay in CSV and JSON.
#pragma once

#include <string>

#include "ricardo/baseline.hpp"

namespace ricardo::detail {

// The sector's name ("Transport equipment"); for a sector without one, its code in words
// ("transport_equipment" → "Transport equipment").
std::string SectorLabel(const Sector& sector);

}  // namespace ricardo::detail
