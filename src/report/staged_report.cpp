#include "report/staged_report.hpp"

namespace ricardo::detail {

StagedDirectoryOptions ReportFolderOptions() {
  StagedDirectoryOptions options;
  options.replaceable_if_contains = {"run.json",        "comparison.json", "sensitivity.json",
                                     "sensitivity.csv", "report.html",     "country_changes.csv",
                                     kManifestFile};
  return options;
}

ReportFiles CommitReport(StagedDirectory& staged, ReportFiles files, const RunStamp& stamp) {
  files.written.push_back(WriteManifest(staged.path(), stamp));
  staged.Commit();
  for (auto& f : files.written) f = staged.Final(f);
  for (auto& f : files.charts) f = staged.Final(f);
  if (!files.html.empty()) files.html = staged.Final(files.html);
  return files;
}

}  // namespace ricardo::detail
