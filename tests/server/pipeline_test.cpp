// SolveAnswer (src/server/scenario_pipeline.hpp) called directly: which start an edited named
// scenario's solve gets.
#include <gtest/gtest.h>

#include <memory>

#include "nlohmann/json.hpp"
#include "ricardo/package.hpp"
#include "ricardo/scenario.hpp"
#include "server/scenario_pipeline.hpp"
#include "server/server_fixture.hpp"

namespace ricardo::testing {
namespace {

// An edit can make a scenario fit a baseline that the scenario as named does not fit: the
// request is then solved from no change (there is no named equilibrium to start from), and the
// named scenario's failure is not reported as the request's.
TEST(ServerPipeline, AnEditedScenarioWhoseNamedVersionFailsIsSolvedFromNoChange) {
  const Scenario fits = LoadScenario(ServerTestData() / "scenarios" / "tariffs-test.toml");
  Scenario named = fits;
  Measure foreign = named.measures.front();
  foreign.id = "not-on-this-baseline";
  foreign.importer = "FRA";  // north-america has USA, CAN, MEX and ROW only
  named.measures.push_back(foreign);

  server::SolveRequest request;
  request.baseline_name = "north-america";
  request.baseline = std::make_shared<const Baseline>(LoadBaseline("north-america"));
  request.named = std::make_shared<const Scenario>(named);
  request.scenario = fits;  // the request switched the foreign measure off, say
  request.bilateral_sector = false;
  EXPECT_THROW(CompileScenario(named, *request.baseline), ScenarioError);

  const server::Answer answer = server::SolveAnswer(request, {});
  ASSERT_EQ(answer.status, 200) << answer.body.substr(0, 300);
  const nlohmann::json j = nlohmann::json::parse(answer.body);
  EXPECT_TRUE(j["solver"]["converged"].get<bool>());
  EXPECT_FALSE(j["solver"]["warm_start"].get<bool>());
}

// The same request with a named scenario that fits is solved from the named one's equilibrium.
TEST(ServerPipeline, AnEditedScenarioIsSolvedFromTheNamedOnesEquilibrium) {
  const Scenario named = LoadScenario(ServerTestData() / "scenarios" / "tariffs-test.toml");
  server::SolveRequest request;
  request.baseline_name = "north-america";
  request.baseline = std::make_shared<const Baseline>(LoadBaseline("north-america"));
  request.named = std::make_shared<const Scenario>(named);
  request.scenario = named;
  request.scenario.measures.front().rate = 0.2;
  request.bilateral_sector = false;
  const server::Answer answer = server::SolveAnswer(request, {});
  ASSERT_EQ(answer.status, 200) << answer.body.substr(0, 300);
  EXPECT_TRUE(nlohmann::json::parse(answer.body)["solver"]["warm_start"].get<bool>());
}

}  // namespace
}  // namespace ricardo::testing
