// StagedDirectory: a staging folder beside the target, swapped into place with one rename.
#include "ricardo/output_directory.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2 (glibc, _GNU_SOURCE)
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo {
namespace {

namespace fs = std::filesystem;

OutputError Failed(const fs::path& where, const std::string& what, const std::string& fix) {
  return OutputError(Location{where.string(), 0, 0, {}}, what, fix);
}

// The absolute target without a trailing separator, symbolic links to folders followed, so the
// staging folder is made beside the real folder and the link is kept.
fs::path NormalTarget(const fs::path& target) {
  if (target.empty())
    throw Failed(target, "the output folder is an empty path", "give a folder with --out");
  fs::path abs = fs::absolute(target).lexically_normal();
  if (abs.filename().empty()) abs = abs.parent_path();
  std::error_code ec;
  if (fs::is_symlink(abs, ec)) {
    const fs::path resolved = fs::canonical(abs, ec);
    if (!ec) abs = resolved;
  }
  if (abs == abs.root_path())
    throw Failed(abs, "is the root folder, which cannot be an output folder",
                 "give a folder below it with --out");
  return abs;
}

bool HoldsAny(const fs::path& directory, const std::vector<std::string>& names) {
  std::error_code ec;
  for (const auto& name : names)
    if (fs::exists(directory / name, ec)) return true;
  return false;
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t k = 0; k < names.size(); ++k)
    out += (k == 0 ? "" : k + 1 == names.size() ? " or " : ", ") + names[k];
  return out;
}

void CheckExistingTarget(const fs::path& target, const StagedDirectoryOptions& options) {
  std::error_code ec;
  const fs::file_status status = fs::status(target, ec);
  // A parent that is a file (ENOTDIR) is reported when the parent folder is made.
  if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
    throw Failed(target, "cannot be examined: " + ec.message(),
                 "check the path and the permissions of its folders");
  if (ec || !fs::exists(status)) return;
  if (!fs::is_directory(status)) {
    throw Failed(
        target,
        fs::is_regular_file(status) ? "is a file, not a folder" : "exists and is not a folder",
        "give the path of a new folder, or remove the file");
  }
  const bool empty = fs::is_empty(target, ec);
  if (empty) return;
  if (options.refuse_existing) throw Failed(target, "already exists", options.refuse_existing_fix);
  if (!options.replaceable_if_contains.empty() &&
      !HoldsAny(target, options.replaceable_if_contains)) {
    throw Failed(target,
                 "is a folder that holds other files and no " +
                     Join(options.replaceable_if_contains) +
                     " from an earlier run; ricardo replaces its output folder as a whole and "
                     "does not delete files it did not write",
                 "give a new or empty folder, or remove this one");
  }
}

// mkdtemp makes the folder 0700; outputs get the usual permissions (0777 less the umask).
void ApplyUmask(const fs::path& directory) {
  const mode_t mask = umask(0);
  umask(mask);
  chmod(directory.c_str(), 0777 & ~mask);
}

}  // namespace

StagedDirectory::StagedDirectory(fs::path target, StagedDirectoryOptions options)
    : target_(NormalTarget(target)) {
  CheckExistingTarget(target_, options);
  const fs::path parent = target_.parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec || !fs::is_directory(parent)) {
    throw Failed(parent,
                 "cannot create the folder for " + target_.string() + ": " +
                     (ec ? ec.message() : std::string("not a folder")),
                 "give an output path whose parent folders are folders, not files, and writable");
  }
  std::string pattern =
      (parent / fmt::format(".{}.tmp-XXXXXX", target_.filename().string())).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw Failed(parent,
                 "cannot create a folder here for " + target_.filename().string() + ": " +
                     std::strerror(errno),
                 "check that the folder is writable and its disk has space, or give another "
                 "output folder");
  }
  staging_ = pattern;
  ApplyUmask(staging_);
}

StagedDirectory::~StagedDirectory() {
  if (committed_ || staging_.empty()) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);  // best effort: a destructor cannot report
}

fs::path StagedDirectory::Final(const fs::path& file) const {
  return target_ / file.lexically_relative(staging_);
}

void StagedDirectory::Commit() {
  if (committed_) return;
  std::error_code ec;
  const bool replacing = fs::is_directory(target_, ec);
  if (!replacing) {
    if (std::rename(staging_.c_str(), target_.c_str()) != 0)
      throw Failed(
          target_,
          std::string("cannot move the finished output into place: ") + std::strerror(errno),
          "check that the parent folder is writable");
    committed_ = true;
    return;
  }
  // One atomic exchange when the filesystem supports it; then the staging path holds the old
  // folder. Otherwise two renames, undone if the second fails.
  if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0) {
    if (errno != EINVAL && errno != ENOSYS)
      throw Failed(target_, std::string("cannot replace the folder: ") + std::strerror(errno),
                   "check that it and its parent folder are writable");
    const fs::path aside = staging_.string() + ".old";
    if (std::rename(target_.c_str(), aside.c_str()) != 0)
      throw Failed(target_,
                   std::string("cannot move the earlier output aside: ") + std::strerror(errno),
                   "check that it and its parent folder are writable");
    if (std::rename(staging_.c_str(), target_.c_str()) != 0) {
      const int error = errno;
      std::rename(aside.c_str(), target_.c_str());
      throw Failed(
          target_,
          std::string("cannot move the finished output into place: ") + std::strerror(error),
          "check that the parent folder is writable");
    }
    fs::remove_all(aside, ec);
    committed_ = true;
    return;
  }
  committed_ = true;
  fs::remove_all(staging_, ec);  // the earlier output, now at the staging path
}

void WriteFileAtomically(const fs::path& file, const std::string& text) {
  const fs::path target = NormalTarget(file);
  std::error_code ec;
  if (fs::is_directory(target, ec))
    throw Failed(target, "is a folder, not a file", "give the path of a file");
  fs::create_directories(target.parent_path(), ec);
  if (ec)
    throw Failed(target.parent_path(), "cannot create the folder: " + ec.message(),
                 "give a path whose parent folders are folders, not files, and writable");
  std::string temporary =
      (target.parent_path() / fmt::format(".{}.tmp-XXXXXX", target.filename().string())).string();
  const int fd = mkstemp(temporary.data());
  if (fd < 0)
    throw Failed(target, std::string("cannot be written: ") + std::strerror(errno),
                 "check that its folder is writable");
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  std::size_t done = 0;
  int error = 0;
  while (done < text.size()) {
    const ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = n < 0 ? errno : EIO;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (close(fd) != 0 && error == 0) error = errno;
  if (error == 0 && std::rename(temporary.c_str(), target.c_str()) != 0) error = errno;
  if (error != 0) {
    unlink(temporary.c_str());
    throw Failed(target, std::string("cannot be written: ") + std::strerror(error),
                 "check that its folder is writable and the disk has space");
  }
}

}  // namespace ricardo
