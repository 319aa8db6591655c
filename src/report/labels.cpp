#include "report/labels.hpp"

#include <cctype>

namespace ricardo::detail {

std::string SectorLabel(const Sector& sector) {
  if (!sector.name.empty()) return sector.name;
  std::string out = sector.code;
  for (char& c : out)
    if (c == '_' || c == '-') c = ' ';
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

}  // namespace ricardo::detail
