// SolveAnswer (src/server/scenario_pipeline.hpp) called directly: which start an edited named
// scenario's solve gets.
#include <gtest/gtest.h>

#include <memory>
#include <utility>

#include "nlohmann/json.hpp"
#include "ricardo/package.hpp"
#include "ricardo/scenario.hpp"
#include "server/scenario_pipeline.hpp"
#include "server/server_fixture.hpp"

namespace ricardo::testing {
namespace {

Scenario TariffsTest() { return LoadScenario(ServerTestData() / "scenarios" / "tariffs-test.toml"); }

// The solver section of SolveAnswer for `named` edited into `edited`, on north-america.
nlohmann::json SolverOfEdit(const Scenario& named, Scenario edited) {
  static const auto baseline = std::make_shared<const Baseline>(LoadBaseline("north-america"));
  server::SolveRequest request;
  request.baseline_name = "north-america";
  request.baseline = baseline;
  request.named = std::make_shared<const Scenario>(named);
  request.scenario = std::move(edited);
  request.bilateral_sector = false;
  const server::Answer answer = server::SolveAnswer(request, {});
  EXPECT_EQ(answer.status, 200) << answer.body.substr(0, 300);
  return nlohmann::json::parse(answer.body)["solver"];
}

// An edit can make a scenario fit a baseline that the scenario as named does not fit: the
// request is then solved from no change (there is no named equilibrium to start from), and the
// named scenario's failure is not reported as the request's.
TEST(ServerPipeline, AnEditedScenarioWhoseNamedVersionFailsIsSolvedFromNoChange) {
  const Scenario fits = TariffsTest();
  Scenario named = fits;
  Measure foreign = named.measures.front();
  foreign.id = "not-on-this-baseline";
  foreign.importer = "FRA";  // north-america has USA, CAN, MEX and ROW only
  named.measures.push_back(foreign);
  EXPECT_THROW(CompileScenario(named, LoadBaseline("north-america")), ScenarioError);

  // The request switched the foreign measure off, say.
  const nlohmann::json solver = SolverOfEdit(named, fits);
  EXPECT_TRUE(solver["converged"].get<bool>());
  EXPECT_FALSE(solver["warm_start"].get<bool>());
}

// The same request with a named scenario that fits is solved from the named one's equilibrium.
TEST(ServerPipeline, AnEditedScenarioIsSolvedFromTheNamedOnesEquilibrium) {
  const Scenario named = TariffsTest();
  Scenario edited = named;
  edited.measures.front().rate = 0.2;
  const nlohmann::json solver = SolverOfEdit(named, edited);
  EXPECT_TRUE(solver["converged"].get<bool>());
  EXPECT_TRUE(solver["warm_start"].get<bool>());
}

}  // namespace
}  // namespace ricardo::testing
