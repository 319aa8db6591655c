// Where ricardo finds the data it ships (built-in baselines, product lists, the cp2015 files).
#pragma once

#include <filesystem>

namespace ricardo {

// The data directory, chosen in this order: $RICARDO_DATA_DIR if set; `data/` in the source
// tree the binary was built from; `../share/ricardo/data` next to the executable. Throws
// NotFoundError naming every place it looked if none exists.
std::filesystem::path DataDirectory();

// The project's source directory as known at build time (for the shipped scenarios/).
std::filesystem::path SourceDirectory();

}  // namespace ricardo
