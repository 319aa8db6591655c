// libFuzzer target for the scenario parser (issue 4).
//
// Any bytes in: ParseScenario either returns a Scenario or throws ScenarioError with a location —
// never crashes, hangs, reads out of bounds, or throws anything else (an escaping exception
// aborts the process, which libFuzzer reports as a crash). What parses must also survive the
// writers: the TOML it prints parses back to an equal scenario, and so does its JSON form
// (parse(print(x)) == x, the property the dashboard's edits rely on).
//
// Built by scripts/fuzz.sh (clang, -fsanitize=fuzzer,address,undefined) from the parser's
// sources only; the product data are the shipped data/tariffs, so HS codes and list names are
// checked against the real schedule.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "ricardo/scenario.hpp"
#include "tariffs/product_data.hpp"

namespace {

[[noreturn]] void Fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "scenario_fuzz: %s\n%s\n", what, detail.c_str());
  __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto products = ricardo::ShippedProductData();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ricardo::Scenario scenario;
  try {
    scenario = ricardo::ParseScenario(text, "fuzz.toml", *products);
  } catch (const ricardo::ScenarioError& e) {
    // A located error is the expected outcome for most inputs; it must say where.
    if (e.where().file != "fuzz.toml") Fail("error without the file name", e.what());
    return 0;
  }
  const std::string printed = ricardo::ScenarioToToml(scenario);
  try {
    const ricardo::Scenario again = ricardo::ParseScenario(printed, "printed.toml", *products);
    if (!(again == scenario)) Fail("TOML round trip changed the scenario", printed);
    const ricardo::Scenario from_json =
        ricardo::ScenarioFromJson(ricardo::ScenarioToJson(scenario), "printed.json");
    if (!(from_json == scenario)) Fail("JSON round trip changed the scenario", printed);
  } catch (const ricardo::ScenarioError& e) {
    Fail("a printed scenario does not parse back", std::string(e.what()) + "\n" + printed);
  }
  return 0;
}
