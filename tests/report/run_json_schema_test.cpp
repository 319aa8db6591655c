// The run-result JSON against its published schema (docs/schema/run-result.v1.schema.json),
// and the schema's documentation (docs/run-result-schema.md) against the schema.
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"
#include "json_schema.hpp"
#include "report_fixture.hpp"
#include "ricardo/report.hpp"

namespace ricardo::testing {
namespace {

nlohmann::json LoadSchema() {
  std::ifstream in(ProjectDirectory() / "docs" / "schema" / "run-result.v1.schema.json");
  EXPECT_TRUE(in) << "missing docs/schema/run-result.v1.schema.json";
  return nlohmann::json::parse(in);
}

std::string Joined(const std::vector<std::string>& errors) {
  std::string out;
  for (const auto& e : errors) out += e + "\n";
  return out;
}

TEST(RunJsonSchema, RealOutputValidates) {
  const JsonSchemaValidator validator(LoadSchema());
  const RunResult run = SmallRun(true);
  // Through the file writer, as `--out` writes it.
  const auto file = MakeTempDirectory("json") / "run.json";
  WriteRunJson(run, file);
  std::ifstream in(file);
  const nlohmann::json written = nlohmann::json::parse(in);
  EXPECT_EQ(Joined(validator.Validate(written)), "");
  RunJsonOptions small;
  small.include_bilateral_sector = false;
  EXPECT_EQ(Joined(validator.Validate(RunResultToJson(run, small))), "");
  EXPECT_EQ(written["schema_version"], kRunResultSchemaVersion);
  EXPECT_EQ(written["countries"].size(), 4u);
}

TEST(RunJsonSchema, ValidatorCatchesViolations) {
  const JsonSchemaValidator validator(LoadSchema());
  nlohmann::json doc = RunResultToJson(SmallRun(false));
  doc["countries"]["USA"].erase("welfare_pct");
  doc["countries"]["CAN"]["real_wage_pct"] = "high";
  doc["schema_version"] = 2;
  doc["solver"]["termination"] = "done";
  doc["undocumented"] = 1;
  const auto errors = validator.Validate(doc);
  const std::string all = Joined(errors);
  EXPECT_NE(all.find("$.countries.USA: missing required field 'welfare_pct'"), std::string::npos) << all;
  EXPECT_NE(all.find("$.countries.CAN.real_wage_pct: expected type \"number\", found string"), std::string::npos) << all;
  EXPECT_NE(all.find("$.schema_version: expected 1, found 2"), std::string::npos) << all;
  EXPECT_NE(all.find("$.solver.termination: \"done\" is not one of"), std::string::npos) << all;
  EXPECT_NE(all.find("$.undocumented: not allowed here"), std::string::npos) << all;
  EXPECT_EQ(errors.size(), 5u) << all;
}

TEST(RunJsonSchema, ValidatorRejectsKeywordsItDoesNotImplement) {
  const JsonSchemaValidator validator(nlohmann::json{{"type", "string"}, {"pattern", "^a"}});
  EXPECT_EQ(Joined(validator.Validate("abc")), "$: schema error: unsupported keyword 'pattern'\n");
}

// Every field of the schema is named in the human documentation, so the two cannot drift.
TEST(RunJsonSchema, EveryFieldIsDocumented) {
  std::ifstream in(ProjectDirectory() / "docs" / "run-result-schema.md");
  ASSERT_TRUE(in) << "missing docs/run-result-schema.md";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  const nlohmann::json schema = LoadSchema();
  std::vector<std::string> missing;
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& s) {
    if (!s.is_object()) return;
    if (s.contains("properties"))
      for (const auto& [key, child] : s["properties"].items()) {
        if (doc.find("`" + key + "`") == std::string::npos) missing.push_back(key);
        walk(child);
      }
    if (s.contains("items")) walk(s["items"]);
  };
  walk(schema);
  walk(schema["$defs"]["country"]);
  EXPECT_TRUE(missing.empty()) << "fields not in docs/run-result-schema.md: " << Joined(missing);
}

}  // namespace
}  // namespace ricardo::testing
