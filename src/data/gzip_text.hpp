// Reading a whole file, gzip-compressed or not, into memory.
#pragma once

#include <filesystem>
#include <string>

namespace ricardo::data_internal {

// The file's contents, decompressed if it is gzip. Throws NotFoundError if it cannot be opened
// and DataError if the compressed stream is corrupt.
std::string ReadMaybeGzip(const std::filesystem::path& path);

}  // namespace ricardo::data_internal
