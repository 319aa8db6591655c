// SolveAnswer and ExplainAnswer (src/server/scenario_pipeline.hpp) called directly: a rate-only
// request is evaluated on the catalog's kept compile and answers exactly what compiling the edit
// in full answers; any other edit is compiled in full, whether or not the named scenario itself
// fits; a request's compile stops at the solve time limit; an explanation stops at its line limit.
#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <string>
#include <utility>

#include "nlohmann/json.hpp"
#include "ricardo/package.hpp"
#include "ricardo/scenario.hpp"
#include "server/catalog.hpp"
#include "server/scenario_pipeline.hpp"
#include "server/server_fixture.hpp"

namespace ricardo::testing {
namespace {

server::Catalog& TestCatalog() {
  static server::Catalog catalog({}, ServerTestData() / "scenarios");
  return catalog;
}

server::SolveRequest RequestOn(std::shared_ptr<const Scenario> named) {
  server::SolveRequest request;
  request.baseline_name = "north-america";
  request.baseline = TestCatalog().GetBaseline("north-america");
  request.named = std::move(named);
  request.bilateral_sector = true;
  return request;
}

// The answer's document without the wall-clock time.
nlohmann::json Document(const server::Answer& answer) {
  EXPECT_EQ(answer.status, 200) << answer.body.substr(0, 300);
  nlohmann::json j = nlohmann::json::parse(answer.body);
  j["solver"].erase("seconds");
  j["stamp"].erase("created_utc");  // the answer's time: the only stamp field two answers differ in
  return j;
}

// An edit can make a scenario fit a baseline that the scenario as named does not fit: the edit
// is compiled in full, and the named scenario's failure is not reported as the request's.
TEST(ServerPipeline, AnEditedScenarioWhoseNamedVersionFailsIsCompiledInFull) {
  const auto fits = TestCatalog().GetScenario("tariffs-test");
  Scenario named = *fits;
  Measure foreign = named.measures.front();
  foreign.id = "not-on-this-baseline";
  foreign.importer = "FRA";  // north-america has USA, CAN, MEX and ROW only
  named.measures.push_back(foreign);
  EXPECT_THROW(CompileScenario(named, LoadBaseline("north-america")), ScenarioError);

  // The request switched the foreign measure off, say.
  server::SolveRequest request = RequestOn(std::make_shared<const Scenario>(named));
  request.scenario = *fits;
  const nlohmann::json answer = Document(server::SolveAnswer(request, {}, TestCatalog()));
  EXPECT_TRUE(answer["solver"]["converged"].get<bool>());
}

// A rate-only request (what the dashboard's sliders send) and the same edit compiled in full give
// the same document, byte for byte.
TEST(ServerPipeline, ARateOnlyRequestAnswersWhatTheFullCompileAnswers) {
  const auto named = TestCatalog().GetScenario("tariffs-test");
  server::SolveRequest rates_only = RequestOn(named);
  rates_only.rates_only = true;
  rates_only.rates = MeasureRates(*named);
  rates_only.rates.front() = 0.2;
  server::SolveRequest full = RequestOn(named);
  full.scenario = *named;
  full.scenario.measures.front().rate = 0.2;
  EXPECT_EQ(Document(server::SolveAnswer(rates_only, {}, TestCatalog())),
            Document(server::SolveAnswer(full, {}, TestCatalog())));
}

// n all-goods IEEPA measures on US imports from Canada, each stacking with every other.
server::SolveRequest Overlapping(int n) {
  server::SolveRequest request = RequestOn(nullptr);
  request.scenario.name = "overlapping";
  request.scenario.date = Date{2025, 11, 1};
  for (int k = 0; k < n; ++k) {
    Measure m;
    m.id = "m" + std::to_string(k);
    m.authority = Authority::kIeepa;
    m.importer = "USA";
    m.origins = {"CAN"};
    m.scope.all_goods = true;
    m.rate = 0.001;
    m.stacks_with = {"@ieepa"};
    request.scenario.measures.push_back(std::move(m));
  }
  return request;
}

// A compile runs on a solve worker like the solve, and counts against the same limit: with a
// limit no compile can meet, /solve and /explain both stop in the compile, with a LimitError.
TEST(ServerPipeline, ACompileStopsAtTheSolveTimeLimit) {
  const server::SolveRequest request = Overlapping(300);
  server::PipelineOptions options;
  options.solve_time_limit_seconds = 1e-9;
  const std::regex message(R"(compiling stopped after \d+\.\d\d s, the limit is 1e-09 s)");
  try {
    server::SolveAnswer(request, options, TestCatalog());
    ADD_FAILURE() << "no error from /solve";
  } catch (const LimitError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kLimit);
    EXPECT_TRUE(std::regex_match(e.problem(), message)) << e.problem();
  }
  try {
    server::ExplainAnswer(request, options);
    ADD_FAILURE() << "no error from /explain";
  } catch (const LimitError& e) {
    EXPECT_TRUE(std::regex_match(e.problem(), message)) << e.problem();
  }
}

// 20 measures on every product make 21 lines per product: a 1,000-line limit shows 47 products
// and counts the rest, 21 lines each.
TEST(ServerPipeline, AnExplanationStopsAtItsLineLimit) {
  server::SolveRequest request = Overlapping(20);
  request.explain.max_trace_lines = 1000;
  const nlohmann::json answer = server::ExplainAnswer(request, {});
  ASSERT_EQ(answer["pairs"].size(), 1u);
  EXPECT_EQ(answer["pairs"][0]["products"].size(), 47u);
  const nlohmann::json& lines = answer["product_lines"];
  EXPECT_EQ(lines["shown"], 47 * 21);
  EXPECT_GT(lines["products_left_out"].get<long long>(), 0);
  EXPECT_EQ(lines["left_out"].get<long long>(), 21 * lines["products_left_out"].get<long long>());
  EXPECT_EQ(answer["pairs"][0]["products_left_out"], lines["products_left_out"]);
}

}  // namespace
}  // namespace ricardo::testing
