// Report folders (run, compare, sensitivity) are written into a StagedDirectory and swapped into
// place when complete, so --out never holds a partial report or an earlier run's stale files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "ricardo/output_directory.hpp"
#include "ricardo/report.hpp"

namespace ricardo::detail {

// Files that mark a folder as an earlier ricardo report, which a new report may replace.
StagedDirectoryOptions ReportFolderOptions();

// Commits `staged` and renames every path in `files` from the staging folder to the target.
ReportFiles CommitReport(StagedDirectory& staged, ReportFiles files);

}  // namespace ricardo::detail
