#include "tariffs/text_files.hpp"

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/regular_file.hpp"
#include "fmt/format.h"
#include "ricardo/error.hpp"

namespace ricardo::detail {

void ForEachLine(const std::filesystem::path& file,
                 const std::function<void(long, std::string_view)>& on_line, const FileKind& kind) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    throw NotFoundError(Location{file.string(), 0, 0, ""}, "file not found",
                        "check RICARDO_DATA_DIR or reinstall ricardo's data directory");
  }
  // Refuses pipes, devices and directories, and files above the cap; gzread reads plain files
  // unchanged, so one path serves both, and what it inflates is counted against the cap below.
  RegularFile opened = OpenRegularFile(file, kind);
  gzFile in = gzdopen(opened.descriptor(), "rb");
  if (!in) throw DataError(Location{file.string(), 0, 0, ""}, "cannot open file");
  opened.Release();  // gzclose closes the descriptor now
  std::string line;
  std::vector<char> buffer(1 << 16);
  long number = 0;
  for (;;) {
    const char* got = gzgets(in, buffer.data(), static_cast<int>(buffer.size()));
    if (!got) break;
    // gztell counts every byte inflated so far, NULs included (which strlen would not see).
    if (static_cast<std::uint64_t>(gztell(in)) > kind.max_bytes) {
      gzclose(in);
      ThrowInflatedTooLarge(file, kind);
    }
    line.append(got);
    if (!line.empty() && line.back() != '\n' && !gzeof(in)) continue;  // longer than the buffer
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    ++number;
    try {
      on_line(number, line);
    } catch (...) {
      gzclose(in);
      throw;
    }
    line.clear();
  }
  int error = Z_OK;
  const char* message = gzerror(in, &error);
  const std::string text = message ? message : "";
  gzclose(in);
  if (error != Z_OK && error != Z_STREAM_END) {
    throw DataError(Location{file.string(), number + 1, 0, ""},
                    fmt::format("cannot read file: {}", text));
  }
}

std::vector<std::string> SplitCsv(std::string_view line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (std::size_t k = 0; k < line.size(); ++k) {
    const char c = line[k];
    if (quoted) {
      if (c == '"') {
        if (k + 1 < line.size() && line[k + 1] == '"') {
          field.push_back('"');
          ++k;
        } else {
          quoted = false;
        }
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else {
      field.push_back(c);
    }
  }
  fields.push_back(std::move(field));
  return fields;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

double ParseNumber(std::string_view text, const std::filesystem::path& file, long line, long column) {
  double value = 0.0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc{} || result.ptr != text.data() + text.size() || !std::isfinite(value)) {
    throw DataError(Location{file.string(), line, column, ""}, fmt::format("value '{}' is not a number", text));
  }
  return value;
}

void ExpectHeader(std::string_view line, std::string_view expected, const std::filesystem::path& file) {
  if (line != expected) {
    throw DataError(Location{file.string(), 1, 1, ""}, fmt::format("unexpected header '{}'", line),
                    fmt::format("expected '{}'", expected));
  }
}

}  // namespace ricardo::detail
