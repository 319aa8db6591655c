#include "data/gzip_text.hpp"

#include <zlib.h>

#include <array>
#include <memory>

#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo::data_internal {

std::string ReadMaybeGzip(const std::filesystem::path& path, const detail::FileKind& kind) {
  const std::string name = path.filename().string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw NotFoundError(Location{path.string(), 0, 0, ""}, "file not found",
                        "check the source directory");
  }
  // Refuses pipes, devices and directories, and files above the cap; gzread reads uncompressed
  // files transparently as well, and what it inflates is counted against the same cap.
  detail::RegularFile opened = detail::OpenRegularFile(path, kind);
  std::unique_ptr<gzFile_s, int (*)(gzFile)> file(gzdopen(opened.descriptor(), "rb"), gzclose);
  if (!file) {
    throw NotFoundError(Location{path.string(), 0, 0, ""}, "cannot open file",
                        "check that it is readable");
  }
  opened.Release();  // gzclose closes the descriptor now
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
    if (text.size() + static_cast<std::size_t>(read) > kind.max_bytes) {
      detail::ThrowInflatedTooLarge(path, kind);
    }
    text.append(buffer.data(), static_cast<std::size_t>(read));
  }
  return text;
}

}  // namespace ricardo::data_internal
