// Report folders (run, compare, sensitivity) are written into a StagedDirectory and swapped into
// place when complete, so --out never holds a partial report or an earlier run's stale files.
// Each gets a manifest.json (its stamp and every file with size and SHA-256) last.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "ricardo/output_directory.hpp"
#include "ricardo/report.hpp"
#include "ricardo/run_stamp.hpp"

namespace ricardo::detail {

inline constexpr const char* kManifestFile = "manifest.json";

// Files that mark a folder as an earlier ricardo report, which a new report may replace.
StagedDirectoryOptions ReportFolderOptions();

// Writes `directory`/manifest.json: `stamp` and every regular file under `directory` (itself
// excepted), sorted by path, with its size in bytes and SHA-256. Returns its path; `listed`, if
// given, receives the files it lists (full paths, in its order).
std::filesystem::path WriteManifest(const std::filesystem::path& directory, const RunStamp& stamp,
                                    std::vector<std::filesystem::path>* listed = nullptr);

// Writes the manifest into `staged`, commits it and renames every path in `files` from the
// staging folder to the target (the manifest is added to files.written).
ReportFiles CommitReport(StagedDirectory& staged, ReportFiles files, const RunStamp& stamp);

}  // namespace ricardo::detail
