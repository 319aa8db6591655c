// manifest.json: the stamp of an output folder and every file in it with its size and SHA-256,
// so that anyone can check later that a folder is what the run wrote (docs/reports.md,
// "Reproducible outputs").
#include <algorithm>

#include "report/staged_report.hpp"
#include "ricardo/error.hpp"
#include "ricardo/run_stamp.hpp"

namespace ricardo::detail {

std::filesystem::path WriteManifest(const std::filesystem::path& directory, const RunStamp& stamp,
                                    std::vector<std::filesystem::path>* listed_files) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(directory)) {
    if (!entry.is_regular_file()) continue;
    const std::string relative = fs::relative(entry.path(), directory).generic_string();
    if (relative != kManifestFile) files.push_back(relative);
  }
  std::sort(files.begin(), files.end());
  if (listed_files) {
    for (const auto& f : files) listed_files->push_back(directory / f);
  }
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& f : files) {
    listed.push_back({{"path", f},
                      {"size_bytes", fs::file_size(directory / f)},
                      {"sha256", FileSha256(directory / f)}});
  }
  const nlohmann::json manifest = {{"schema", "ricardo.manifest"},
                                   {"schema_version", 1},
                                   {"stamp", RunStampToJson(stamp)},
                                   {"files", listed}};
  const fs::path file = directory / kManifestFile;
  WriteFileAtomically(file, manifest.dump(2) + "\n");
  return file;
}

}  // namespace ricardo::detail
