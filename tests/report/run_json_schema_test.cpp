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
  EXPECT_NE(all.find("$.countries.USA: missing required field 'welfare_pct'"), std::string::npos)
      << all;
  EXPECT_NE(all.find("$.countries.CAN.real_wage_pct: expected type \"number\", found string"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("$.schema_version: expected 1, found 2"), std::string::npos) << all;
  EXPECT_NE(all.find("$.solver.termination: \"done\" is not one of"), std::string::npos) << all;
  EXPECT_NE(all.find("$.undocumented: not allowed here"), std::string::npos) << all;
  EXPECT_EQ(errors.size(), 5u) << all;
}

// imports_by_partner: the outcome's numbers in its order; optional, so documents written before
// it was added still validate.
TEST(RunJsonSchema, ImportsByPartnerIsOptionalAndFollowsTheOutcome) {
  const JsonSchemaValidator validator(LoadSchema());
  const RunResult run = SmallWorldRun();
  nlohmann::json doc = RunResultToJson(run);
  EXPECT_EQ(Joined(validator.Validate(doc)), "");
  const nlohmann::json& all = doc["imports_by_partner"];
  ASSERT_EQ(all.size(), 12u);
  for (std::size_t n = 0; n < 12; ++n) {
    const ImportsByPartner& m = run.outcomes.imports_by_partner[n];
    const nlohmann::json& entry = all[n];
    EXPECT_EQ(entry["importer"], run.baseline.regions[n].code);
    EXPECT_EQ(entry["imports_base"].get<double>(), m.imports_base);
    // The country's imports, summed over partners in another order.
    EXPECT_NEAR(entry["imports_base"].get<double>(),
                doc["countries"][run.baseline.regions[n].code]["imports_base"].get<double>(),
                1e-12 * m.imports_base);
    ASSERT_EQ(entry["partners"].size(), 11u);
    double shares = 0.0, changes = 0.0;
    for (std::size_t k = 0; k < 11; ++k) {
      const nlohmann::json& p = entry["partners"][k];
      const PartnerImports& expected = m.partners[k];
      EXPECT_EQ(p["exporter"], run.baseline.regions[expected.exporter].code);
      EXPECT_EQ(p["imports_new"].get<double>(), expected.imports_new);
      EXPECT_EQ(p["share_base_pct"].get<double>(), 100.0 * expected.share_base);
      EXPECT_EQ(p["share_change_pp"].get<double>(), 100.0 * expected.share_change());
      EXPECT_EQ(p["tariff_new_pct"].get<double>(), 100.0 * expected.tariff_new);
      shares += p["share_new_pct"].get<double>();
      changes += p["share_change_pp"].get<double>();
      if (k > 0) {
        EXPECT_GE(entry["partners"][k - 1]["share_change_pp"].get<double>(),
                  p["share_change_pp"].get<double>() - 1e-8);
      }
    }
    EXPECT_NEAR(shares, 100.0, 1e-10);
    EXPECT_NEAR(changes, 0.0, 1e-10);
  }
  // The bilateral rows say the same for each pair.
  for (const auto& row : doc["bilateral"]) {
    if (row["importer"] != "USA") continue;
    bool found = false;
    for (const auto& p : all[0]["partners"])
      if (p["exporter"] == row["exporter"]) {
        found = true;
        EXPECT_EQ(p["imports_base"], row["imports_base"]);
        EXPECT_EQ(p["change_pct"], row["change_pct"]);
      }
    EXPECT_TRUE(found) << row["exporter"];
  }
  doc["imports_by_partner"][0]["partners"][0]["share_base_pct"] = "most";
  EXPECT_NE(Joined(validator.Validate(doc))
                .find("$.imports_by_partner[0].partners[0].share_base_pct: expected type"),
            std::string::npos)
      << Joined(validator.Validate(doc));
  doc.erase("imports_by_partner");
  EXPECT_EQ(Joined(validator.Validate(doc)), "");
}

TEST(RunJsonSchema, ValidatorRejectsKeywordsItDoesNotImplement) {
  const JsonSchemaValidator validator(nlohmann::json{{"type", "string"}, {"maxLength", 2}});
  EXPECT_EQ(Joined(validator.Validate("abc")),
            "$: schema error: unsupported keyword 'maxLength'\n");
}

// `pattern` (the stamp's hashes and times) is implemented: unanchored ECMAScript, as JSON Schema.
TEST(RunJsonSchema, ValidatorChecksPatterns) {
  const JsonSchemaValidator validator(
      nlohmann::json{{"type", "string"}, {"pattern", "^[0-9a-f]{4}$"}});
  EXPECT_EQ(Joined(validator.Validate("09af")), "");
  EXPECT_EQ(Joined(validator.Validate("09AF")), "$: \"09AF\" does not match \"^[0-9a-f]{4}$\"\n");
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
