// The run-result JSON document as a tree and as a file; the writer is run_json_text.cpp.
#include "report/run_csv.hpp"
#include "ricardo/error.hpp"
#include "ricardo/report.hpp"
#include "ricardo/run.hpp"

namespace ricardo {
void WriteRunJson(const RunResult& result, const std::filesystem::path& file,
                  const RunJsonOptions& options) {
  detail::WriteTextFile(file, RunResultToJson(result, options).dump(2) + "\n");
}

nlohmann::json RunResultToJson(const RunResult& result, const RunJsonOptions& options) {
  return nlohmann::json::parse(RunResultToJsonText(result, options));
}

}  // namespace ricardo
