// Output folders written all or nothing (docs/cli.md, "Limits"): files go into a fresh staging
// folder beside the target, on the same filesystem, and only when every file is written is the
// staging folder swapped into place. A failure half-way leaves no partial folder and an existing
// target untouched; a second run into the same folder leaves exactly the second run's files.
//
//   StagedDirectory out("results");          // checks the target, creates
//   results/../.results.tmp-XXXXXX WriteSomething(out.path() / "run.json"); out.Commit(); //
//   "results" now holds exactly what was written
//
// Errors are OutputError naming the path and the operating system's reason (exit 73).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ricardo {

struct StagedDirectoryOptions {
  // An existing non-empty target is replaced only if it holds one of these files at its top
  // level (it looks like an earlier output of the same kind), so that a mistaken --out never
  // deletes a folder of files ricardo did not write. Empty: any existing folder is replaced.
  std::vector<std::string> replaceable_if_contains;
  // Refuse an existing target (replaced only when this is false), e.g. without --force.
  bool refuse_existing = false;
  // Says how to allow replacing an existing target, used when refuse_existing refuses it.
  std::string refuse_existing_fix = "pass --force to replace it";
};

class StagedDirectory {
 public:
  // Checks `target` (an existing regular file, a parent that is a file, an unwritable parent and
  // a folder that may not be replaced are refused) and creates the staging folder. Missing
  // parent folders are created. OutputError with the path, the reason and a fix.
  explicit StagedDirectory(std::filesystem::path target, StagedDirectoryOptions options = {});
  // Removes the staging folder unless Commit() has succeeded.
  ~StagedDirectory();
  StagedDirectory(const StagedDirectory&) = delete;
  StagedDirectory& operator=(const StagedDirectory&) = delete;

  // Where the files go until Commit().
  const std::filesystem::path& path() const { return staging_; }
  // The folder the files end up in.
  const std::filesystem::path& target() const { return target_; }
  // `file` (under path()) as it will be named after Commit(), for messages and listings.
  std::filesystem::path Final(const std::filesystem::path& file) const;

  // Puts the staging folder in place of the target (an existing target is swapped out and then
  // removed). OutputError if that fails; the target is then as it was.
  void Commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

// Writes `text` to `file` through a temporary file beside it renamed over it, so the file is
// either the old one or the complete new one. Missing parent folders are created. OutputError
// with the path and the system's reason.
void WriteFileAtomically(const std::filesystem::path& file, const std::string& text);

}  // namespace ricardo
