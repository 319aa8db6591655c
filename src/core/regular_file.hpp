// Opening files read from outside (scenarios, baseline packages, product and shared data,
// elasticity files) so that no path can make a reader hang or grow without bound.
//
// A named pipe blocks the reader until someone writes to it, /dev/zero and /dev/urandom never
// end, and a gzip file of a few kilobytes can inflate to gigabytes. Every reader therefore opens
// its file here: the path must name a regular file (symbolic links are followed and their
// target judged), the file must not be larger than the cap for its kind, and what a gzip reader
// inflates is counted against the same cap. Errors are typed (see ricardo/error.hpp) and located
// at the path, e.g.
//   scenario.toml: is a named pipe, not a regular file (give the path of a file)
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "ricardo/error.hpp"

namespace ricardo::detail {

inline constexpr std::uint64_t kMebibyte = std::uint64_t{1} << 20;

// The largest file each kind of reader accepts, in bytes (uncompressed for gzip files). Each is
// far above any real input of its kind and far below what would exhaust a machine's memory once
// the reader's own structures are added; docs/cli.md ("Limits") lists them.
//
// Scenarios are hand-written TOML; the largest shipped one is a few kilobytes.
inline constexpr std::uint64_t kMaxScenarioFileBytes = 16 * kMebibyte;
// manifest.toml holds a dozen keys and a few notes.
inline constexpr std::uint64_t kMaxManifestFileBytes = 1 * kMebibyte;
// CSV tables of a baseline package, product data files (plain or .gz), tracker data and the
// shared-data importers (WIOD, CP2015): the largest real one (a WIOD world table) is under
// 100 MiB uncompressed.
inline constexpr std::uint64_t kMaxDataFileBytes = 512 * kMebibyte;
// An elasticities file (--elasticities) has one line per variant and sector.
inline constexpr std::uint64_t kMaxElasticitiesFileBytes = 16 * kMebibyte;
// Files of the dashboard's built web directory (ricardo serve), held in memory while serving.
inline constexpr std::uint64_t kMaxWebAssetBytes = 64 * kMebibyte;

// What a reader is about to read: how to name it in messages, its cap, and the kind of error
// (DataError, ScenarioError, ...) it reports.
struct FileKind {
  const char* name;         // "scenario file", "CSV table", ...: the noun used in messages
  std::uint64_t max_bytes;  // the cap, in bytes
  ErrorKind error;          // the ricardo::Error subclass thrown for this kind of file
};

inline constexpr FileKind kScenarioFileKind{"scenario file", kMaxScenarioFileBytes,
                                            ErrorKind::kScenario};
inline constexpr FileKind kManifestFileKind{"manifest", kMaxManifestFileBytes, ErrorKind::kData};
inline constexpr FileKind kDataFileKind{"data file", kMaxDataFileBytes, ErrorKind::kData};
inline constexpr FileKind kElasticitiesFileKind{"elasticities file", kMaxElasticitiesFileBytes,
                                                ErrorKind::kData};
inline constexpr FileKind kWebAssetFileKind{"web file", kMaxWebAssetBytes, ErrorKind::kData};

// An open file descriptor on a regular file, closed on destruction.
class RegularFile {
 public:
  RegularFile(int descriptor, std::uint64_t size_bytes)
      : fd_(descriptor), size_bytes_(size_bytes) {}
  RegularFile(RegularFile&& other) noexcept;
  RegularFile& operator=(RegularFile&& other) noexcept;
  RegularFile(const RegularFile&) = delete;
  RegularFile& operator=(const RegularFile&) = delete;
  ~RegularFile();

  int descriptor() const { return fd_; }
  // The file's size when it was opened.
  std::uint64_t size_bytes() const { return size_bytes_; }
  // Hands the descriptor over (to gzdopen); the caller closes it.
  int Release();

 private:
  int fd_ = -1;
  std::uint64_t size_bytes_ = 0;
};

// The short name of what `path` is when it is not a regular file ("a directory", "a named pipe",
// "a character device", "a block device", "a socket"), or "" for a regular file or a path that
// does not exist.
std::string NonRegularFileType(const std::filesystem::path& path);

// Opens `path` for reading. Throws the error of `kind` if it is not a regular file ("is a named
// pipe, not a regular file"), or if it is larger than kind.max_bytes; NotFoundError if it does
// not exist or cannot be opened. Errors are located at `shown_as` (the name the caller's other
// messages use, e.g. "trade_flows.csv" in a package), or at the path if that is empty. Never
// blocks on a FIFO: the type is checked before opening, and the open itself is non-blocking and
// checked again after.
RegularFile OpenRegularFile(const std::filesystem::path& path, const FileKind& kind,
                            const std::string& shown_as = {});

// The whole contents of `path`, opened as OpenRegularFile does; stops with the same error if the
// file grows past the cap while it is read.
std::string ReadRegularFile(const std::filesystem::path& path, const FileKind& kind,
                            const std::string& shown_as = {});

// The error of `kind` at `path` for a gzip (or other) stream that gave more than kind.max_bytes
// once inflated: "inflates to more than 512 MiB, the limit for a data file".
[[noreturn]] void ThrowInflatedTooLarge(const std::filesystem::path& path, const FileKind& kind);

// "16 MiB" for whole mebibytes, else the number of bytes.
std::string FormatByteSize(std::uint64_t bytes);

}  // namespace ricardo::detail
