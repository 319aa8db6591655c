// Reading files that may be gzip-compressed (product and tracker data, WIOD tables): the one
// reader, whole or line by line. gzread reads a plain file unchanged, so one path serves both.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "core/regular_file.hpp"

namespace ricardo::data_internal {

// What to do about a missing file of ricardo's own data directory.
inline constexpr const char* kDataDirectoryFix =
    "check RICARDO_DATA_DIR or reinstall ricardo's data directory";

// Both readers fail with errors located at the file's path:
//   NotFoundError "file not found" (fix: `missing_fix`) if it does not exist;
//   the errors of detail::OpenRegularFile for a pipe, a device, a directory or a file larger
//   than kind.max_bytes;
//   DataError at the line reached once it inflates past kind.max_bytes, or when the compressed
//   stream is corrupt or cut short ("corrupt compressed file: unexpected end of file", fix: copy
//   the file again from its source).

// The file's contents, decompressed if it is gzip.
std::string ReadMaybeGzip(const std::filesystem::path& path,
                          const detail::FileKind& kind = detail::kDataFileKind,
                          std::string_view missing_fix = "check the source directory");

// Calls `on_line(line_number, line)` for every line (1-based, without its "\n" or "\r\n") of
// a plain or .gz file, holding one line at a time, so a large file costs time, not memory.
void ForEachLine(const std::filesystem::path& file,
                 const std::function<void(long, std::string_view)>& on_line,
                 const detail::FileKind& kind = detail::kDataFileKind,
                 std::string_view missing_fix = kDataDirectoryFix);

}  // namespace ricardo::data_internal
