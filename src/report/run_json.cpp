// The run-result JSON document as a tree and as a file; the writer is run_json_text.cpp.
#include <fstream>

#include "ricardo/error.hpp"
#include "ricardo/report.hpp"
#include "ricardo/run.hpp"

namespace ricardo {
void WriteRunJson(const RunResult& result, const std::filesystem::path& file,
                  const RunJsonOptions& options) {
  std::ofstream out(file, std::ios::binary);
  out << RunResultToJson(result, options).dump(2) << '\n';
  out.close();
  if (!out) {
    throw ArgumentError("cannot write '" + file.string() + "'",
                        "check that the directory exists and is writable");
  }
}

nlohmann::json RunResultToJson(const RunResult& result, const RunJsonOptions& options) {
  return nlohmann::json::parse(RunResultToJsonText(result, options));
}

}  // namespace ricardo
