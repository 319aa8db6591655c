// Reading a whole file, gzip-compressed or not, into memory.
#pragma once

#include <filesystem>
#include <string>

#include "core/regular_file.hpp"

namespace ricardo::data_internal {

// The file's contents, decompressed if it is gzip. Throws NotFoundError if it cannot be opened,
// DataError if the compressed stream is corrupt, if the path is not a regular file (a pipe, a
// device), or if the file holds (or inflates to) more than kind.max_bytes.
std::string ReadMaybeGzip(const std::filesystem::path& path,
                          const detail::FileKind& kind = detail::kDataFileKind);

}  // namespace ricardo::data_internal
