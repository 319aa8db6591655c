// Tidy CSV files for one or several runs (docs/reports.md lists every file and column). Several
// runs go into the same files, told apart by the `scenario` column (compare, sensitivity).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "ricardo/error.hpp"
#include "ricardo/run.hpp"

namespace ricardo::detail {

struct LabelledRun {
  std::string label;  // the `scenario` column
  const RunResult* run = nullptr;
};

std::vector<std::filesystem::path> WriteRunsCsv(const std::vector<LabelledRun>& runs,
                                                const std::filesystem::path& directory);

// Creates `directory` (and parents); OutputError naming it if that fails.
void CreateOutputDirectory(const std::filesystem::path& directory);
// Writes `text` to `file`; OutputError naming the file and the system's reason if that fails.
void WriteTextFile(const std::filesystem::path& file, const std::string& text);
// The OutputError for `file` that could not be written, with strerror(error_number).
OutputError CannotWrite(const std::filesystem::path& file, int error_number);

}  // namespace ricardo::detail
