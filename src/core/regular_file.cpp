#include "core/regular_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "fmt/format.h"

namespace ricardo::detail {
namespace {

[[noreturn]] void Throw(const FileKind& kind, const std::string& shown_as, const std::string& what,
                        const std::string& fix) {
  Location where{shown_as, 0, 0, ""};
  switch (kind.error) {
    case ErrorKind::kData: throw DataError(std::move(where), what, fix);
    case ErrorKind::kScenario: throw ScenarioError(std::move(where), what, fix);
    case ErrorKind::kNotFound: throw NotFoundError(std::move(where), what, fix);
    case ErrorKind::kLimit: throw LimitError(std::move(where), what, fix);
    case ErrorKind::kOutput: throw OutputError(std::move(where), what, fix);
    case ErrorKind::kArgument:
    case ErrorKind::kInternal: break;
  }
  throw Error(kind.error, std::move(where), what, fix);
}

// "a named pipe" etc. for the type bits of st_mode, "" for a regular file.
std::string TypeName(mode_t mode) {
  if (S_ISREG(mode)) return "";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a named pipe";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a file";
}

[[noreturn]] void ThrowNotRegular(const std::string& shown_as, const FileKind& kind,
                                  const std::string& type) {
  Throw(kind, shown_as, fmt::format("is {}, not a regular file", type), "give the path of a file");
}

[[noreturn]] void ThrowTooLarge(const std::string& shown_as, const FileKind& kind,
                                std::uint64_t size_bytes) {
  Throw(kind, shown_as,
        fmt::format("is {} bytes, more than the {} a {} may have", size_bytes,
                    FormatByteSize(kind.max_bytes), kind.name),
        "check that this is the right file; docs/cli.md lists the limits");
}

}  // namespace

RegularFile::RegularFile(RegularFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), size_bytes_(other.size_bytes_) {}

RegularFile& RegularFile::operator=(RegularFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    size_bytes_ = other.size_bytes_;
  }
  return *this;
}

RegularFile::~RegularFile() {
  if (fd_ >= 0) ::close(fd_);
}

int RegularFile::Release() {
  return std::exchange(fd_, -1);
}

std::string FormatByteSize(std::uint64_t bytes) {
  if (bytes >= kMebibyte && bytes % kMebibyte == 0) return fmt::format("{} MiB", bytes / kMebibyte);
  return fmt::format("{} bytes", bytes);
}

std::string NonRegularFileType(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return "";
  return TypeName(info.st_mode);
}

RegularFile OpenRegularFile(const std::filesystem::path& path, const FileKind& kind,
                            const std::string& shown_as) {
  const std::string where = shown_as.empty() ? path.string() : shown_as;
  // stat (which follows symbolic links) before open: opening a FIFO for reading would block
  // until a writer appears, and opening a device may have effects of its own.
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    const int error = errno;
    if (error == ENOENT || error == ENOTDIR) {
      throw NotFoundError(Location{where, 0, 0, ""}, "file not found", "check the path");
    }
    throw NotFoundError(Location{where, 0, 0, ""},
                        fmt::format("cannot open file: {}", std::strerror(error)),
                        "check that it exists and is readable");
  }
  if (const std::string type = TypeName(info.st_mode); !type.empty())
    ThrowNotRegular(where, kind, type);
  if (static_cast<std::uint64_t>(info.st_size) > kind.max_bytes) {
    ThrowTooLarge(where, kind, static_cast<std::uint64_t>(info.st_size));
  }
  // O_NONBLOCK: if the path was replaced by a FIFO since the stat, the open still returns at
  // once, and the fstat below refuses it. Reads of a regular file ignore the flag.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    throw NotFoundError(Location{where, 0, 0, ""},
                        fmt::format("cannot open file: {}", std::strerror(errno)),
                        "check that it exists and is readable");
  }
  RegularFile file(fd, 0);
  if (::fstat(fd, &info) != 0) {
    throw NotFoundError(Location{where, 0, 0, ""},
                        fmt::format("cannot open file: {}", std::strerror(errno)),
                        "check that it exists and is readable");
  }
  if (const std::string type = TypeName(info.st_mode); !type.empty())
    ThrowNotRegular(where, kind, type);
  const auto size_bytes = static_cast<std::uint64_t>(info.st_size);
  if (size_bytes > kind.max_bytes) ThrowTooLarge(where, kind, size_bytes);
  return RegularFile(file.Release(), size_bytes);
}

std::string ReadRegularFile(const std::filesystem::path& path, const FileKind& kind,
                            const std::string& shown_as) {
  const std::string where = shown_as.empty() ? path.string() : shown_as;
  RegularFile file = OpenRegularFile(path, kind, shown_as);
  std::string text;
  text.reserve(static_cast<std::size_t>(file.size_bytes()));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(file.descriptor(), buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      Throw(kind, where, fmt::format("cannot read file: {}", std::strerror(errno)),
            "check that it is readable");
    }
    if (got == 0) break;
    // A file that grows while it is read (a log, a file being written) stops at the cap too.
    if (text.size() + static_cast<std::size_t>(got) > kind.max_bytes) {
      ThrowTooLarge(where, kind, text.size() + static_cast<std::size_t>(got));
    }
    text.append(buffer, static_cast<std::size_t>(got));
  }
  return text;
}

void ThrowInflatedTooLarge(const std::filesystem::path& path, const FileKind& kind) {
  Throw(kind, path.string(),
        fmt::format("inflates to more than {}, the limit for a {}", FormatByteSize(kind.max_bytes),
                    kind.name),
        "check that this is the right file; docs/cli.md lists the limits");
}

}  // namespace ricardo::detail
