#include "report/staged_report.hpp"

#include <filesystem>
#include <set>

namespace ricardo::detail {

StagedDirectoryOptions ReportFolderOptions() {
  StagedDirectoryOptions options;
  options.replaceable_if_contains = {"run.json",        "comparison.json", "sensitivity.json",
                                     "sensitivity.csv", "report.html",     "country_changes.csv",
                                     kManifestFile};
  return options;
}

ReportFiles CommitReport(StagedDirectory& staged, ReportFiles files, const RunStamp& stamp) {
  // `written` lists every file in the folder, as the manifest does: the writers' own lists first
  // (in their order), then what none of them listed (the charts' Vega-Lite specs), then the
  // manifest. "ricardo: wrote N files" counts these.
  std::vector<std::filesystem::path> in_manifest;
  const std::filesystem::path manifest = WriteManifest(staged.path(), stamp, &in_manifest);
  const std::set<std::filesystem::path> listed(files.written.begin(), files.written.end());
  for (const auto& f : in_manifest) {
    if (!listed.count(f)) files.written.push_back(f);
  }
  files.written.push_back(manifest);
  staged.Commit();
  for (auto& f : files.written) f = staged.Final(f);
  for (auto& f : files.charts) f = staged.Final(f);
  if (!files.html.empty()) files.html = staged.Final(files.html);
  return files;
}

}  // namespace ricardo::detail
