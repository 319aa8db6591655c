// SolveAnswer (src/server/scenario_pipeline.hpp) called directly: a rate-only request is
// evaluated on the catalog's kept compile and answers exactly what compiling the edit in full
// answers; any other edit is compiled in full, whether or not the named scenario itself fits.
#include <gtest/gtest.h>

#include <memory>
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

}  // namespace
}  // namespace ricardo::testing
