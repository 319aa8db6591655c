#include "data/gzip_text.hpp"

#include <zlib.h>

#include <array>
#include <memory>

#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo::data_internal {

std::string ReadMaybeGzip(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  if (!std::filesystem::is_regular_file(path)) {
    throw NotFoundError(Location{path.string(), 0, 0, ""}, "file not found",
                        "check the source directory");
  }
  // gzread reads uncompressed files transparently as well.
  std::unique_ptr<gzFile_s, int (*)(gzFile)> file(gzopen(path.c_str(), "rb"), gzclose);
  if (!file) {
    throw NotFoundError(Location{path.string(), 0, 0, ""}, "cannot open file",
                        "check that it is readable");
  }
  gzbuffer(file.get(), 1 << 17);
  std::string text;
  std::array<char, 1 << 16> buffer{};
  while (true) {
    const int read = gzread(file.get(), buffer.data(), static_cast<unsigned>(buffer.size()));
    if (read < 0) {
      int code = 0;
      const char* message = gzerror(file.get(), &code);
      throw DataError(Location{name, 0, 0, ""},
                      fmt::format("corrupt compressed file: {}", message ? message : "unknown"),
                      "copy the file again from its source");
    }
    if (read == 0) break;
    text.append(buffer.data(), static_cast<std::size_t>(read));
  }
  return text;
}

}  // namespace ricardo::data_internal
