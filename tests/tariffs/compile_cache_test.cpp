// Compiling memoises data derived from the product data inside the ProductData object (pooled
// imports, scope product sets: src/tariffs/derived_cache.hpp). A compile answered from that
// memo must be bit-identical to one computed afresh, whatever was compiled before it: these
// tests compile many random edits of every shipped scenario through one long-lived product data
// (warm) and through one whose memo is cleared before each compile (cold), and compare every
// number; and they check that a memo cannot answer for another ProductData object, even one
// allocated at the address of a freed one.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "fmt/format.h"
#include "ricardo/package.hpp"
#include "ricardo/paths.hpp"
#include "ricardo/scenario.hpp"
#include "tariff_fixtures.hpp"
#include "tariffs/product_data.hpp"

namespace ricardo {
namespace {

using testing::MakeSyntheticNorthAmerica;
using testing::MakeTinyProductData;
using testing::TinyProductLists;
using testing::WriteFile;

// What a compile produced, or the error it threw.
struct Outcome {
  std::optional<CompiledScenario> compiled;
  std::string error;
};

Outcome Compile(const Scenario& s, const Baseline& b, const CompileOptions& o) {
  try {
    return {CompileScenario(s, b, o), ""};
  } catch (const std::exception& e) {
    return {std::nullopt, e.what()};
  }
}

std::uint64_t Bits(double x) {
  return std::bit_cast<std::uint64_t>(x);
}

// Collects the first few differences rather than failing once per number.
class Differences {
 public:
  void Number(const std::string& what, double a, double b) {
    if (Bits(a) != Bits(b)) Add(fmt::format("{}: {:a} vs {:a}", what, a, b));
  }
  template <typename T>
  void Same(const std::string& what, const T& a, const T& b) {
    if (!(a == b)) Add(what);
  }
  std::size_t count() const { return count_; }
  const std::vector<std::string>& first() const { return first_; }

 private:
  void Add(std::string text) {
    if (first_.size() < 5) first_.push_back(std::move(text));
    ++count_;
  }
  std::size_t count_ = 0;
  std::vector<std::string> first_;
};

void CompareArrays(const std::string& what, const Array3& a, const Array3& b, Differences* d) {
  d->Same(what + " size", a.size(), b.size());
  for (std::size_t k = 0; k < std::min(a.size(), b.size()); ++k) {
    d->Number(fmt::format("{}[{}]", what, k), a.values()[k], b.values()[k]);
  }
}

// Every shock entry and every number and text of the trace.
Differences CompareOutcomes(const Outcome& warm, const Outcome& cold) {
  Differences d;
  d.Same("error", warm.error, cold.error);
  d.Same("compiled", warm.compiled.has_value(), cold.compiled.has_value());
  if (!warm.compiled || !cold.compiled) return d;
  const CompiledScenario& a = *warm.compiled;
  const CompiledScenario& b = *cold.compiled;
  CompareArrays("tariff_rates", a.shock.tariff_rates, b.shock.tariff_rates, &d);
  CompareArrays("trade_cost_ratio", a.shock.trade_cost_ratio, b.shock.trade_cost_ratio, &d);
  d.Same("sectors", a.baseline.sectors, b.baseline.sectors);
  d.Same("tariff form", a.tariffs == b.tariffs, true);
  d.Same("months", a.trace.months, b.trace.months);
  d.Same("notes", a.trace.notes, b.trace.notes);
  d.Same("measures in force", a.trace.measures_in_force, b.trace.measures_in_force);
  d.Same("measures not in force", a.trace.measures_not_in_force, b.trace.measures_not_in_force);
  d.Same("pair count", a.trace.pairs.size(), b.trace.pairs.size());
  for (std::size_t k = 0; k < std::min(a.trace.pairs.size(), b.trace.pairs.size()); ++k) {
    const PairTrace &p = a.trace.pairs[k], &q = b.trace.pairs[k];
    const std::string at = fmt::format("pair {} {} <- {}", k, p.importer, p.exporter);
    d.Same(at + " names", std::tie(p.importer, p.exporter, p.method, p.weights, p.measures),
           std::tie(q.importer, q.exporter, q.method, q.weights, q.measures));
    d.Number(at + " value_usd", p.value_usd, q.value_usd);
    d.Number(at + " unmapped_value_usd", p.unmapped_value_usd, q.unmapped_value_usd);
    d.Number(at + " all_goods_rate", p.all_goods_rate, q.all_goods_rate);
    d.Number(at + " baseline_weighted_rate", p.baseline_weighted_rate, q.baseline_weighted_rate);
  }
  d.Same("sector trace count", a.trace.sectors.size(), b.trace.sectors.size());
  for (std::size_t k = 0; k < std::min(a.trace.sectors.size(), b.trace.sectors.size()); ++k) {
    const SectorTrace &s = a.trace.sectors[k], &t = b.trace.sectors[k];
    const std::string at = fmt::format("sector trace {} {}", k, s.sector);
    d.Same(
        at + " texts",
        std::tie(s.importer, s.exporter, s.sector, s.method, s.notes, s.products, s.products_hit),
        std::tie(t.importer, t.exporter, t.sector, t.method, t.notes, t.products, t.products_hit));
    d.Number(at + " added_rate", s.added_rate, t.added_rate);
    d.Number(at + " value_usd", s.value_usd, t.value_usd);
  }
  d.Same("product trace count", a.trace.products.size(), b.trace.products.size());
  for (std::size_t k = 0; k < std::min(a.trace.products.size(), b.trace.products.size()); ++k) {
    const ProductTrace &p = a.trace.products[k], &q = b.trace.products[k];
    const std::string at = fmt::format("product {} {}", k, p.hts10);
    d.Same(at + " texts", std::tie(p.hts10, p.exporter, p.sector, p.displaced),
           std::tie(q.hts10, q.exporter, q.sector, q.displaced));
    d.Number(at + " value_usd", p.value_usd, q.value_usd);
    d.Number(at + " usmca_share", p.usmca_share, q.usmca_share);
    d.Number(at + " rate", p.rate, q.rate);
    d.Same(at + " hits", p.hits.size(), q.hits.size());
    for (std::size_t h = 0; h < std::min(p.hits.size(), q.hits.size()); ++h) {
      d.Same(at + " hit", std::tie(p.hits[h].measure, p.hits[h].how),
             std::tie(q.hits[h].measure, q.hits[h].how));
      d.Number(at + " contribution", p.hits[h].contribution, q.hits[h].contribution);
    }
  }
  return d;
}

void ExpectSame(const Outcome& warm, const Outcome& cold, const std::string& label) {
  const Differences d = CompareOutcomes(warm, cold);
  EXPECT_EQ(d.count(), 0u) << label << ": " << d.count() << " differences, first: "
                           << fmt::format("{}", fmt::join(d.first(), "; "));
}

// A random edit of the kinds the dashboard and the API make (rates, switches, USMCA share,
// date, share method), plus scope edits, which change which product sets are asked for.
struct Edit {
  Scenario scenario;
  CompileOptions options;
};

Edit RandomEdit(const Scenario& base, std::mt19937& rng) {
  auto chance = [&](int one_in) { return rng() % static_cast<unsigned>(one_in) == 0; };
  Edit e{base, {}};
  for (Measure& m : e.scenario.measures) {
    if (chance(3)) m.rate = static_cast<double>(rng() % 1001) / 1000.0;
    if (chance(6)) m.enabled = false;
    // Scope edits keep something in scope: a scope that covers no product is an error
    // (silent_answers_test.cpp), and most edits must compile.
    const std::size_t inclusions =
        m.scope.hs_prefixes.size() + m.scope.lists.size() + m.scope.sectors.size();
    if (chance(12) && !m.scope.lists.empty() && (m.scope.all_goods || inclusions > 1))
      m.scope.lists.pop_back();
    if (chance(12) && (m.scope.all_goods || inclusions > 1)) {
      m.scope.exclude_hs_prefixes.push_back(chance(2) ? "8703" : "72");
    }
  }
  if (chance(3)) e.options.usmca_share_override = static_cast<double>(rng() % 101) / 100.0;
  if (chance(2)) {
    // Around the dates lists and measures take effect on, and outside the import data.
    const Date dates[] = {{2025, 1, 1},  {2025, 3, 4},  {2025, 3, 15}, {2025, 8, 1},  {2025, 8, 18},
                          {2025, 8, 20}, {2025, 11, 1}, {2026, 2, 24}, {2026, 4, 10}, {2027, 1, 1}};
    e.options.date = dates[rng() % std::size(dates)];
  }
  if (chance(4)) {
    e.options.usmca_method = std::array{UsmcaShareMethod::kRolling3Month, UsmcaShareMethod::kMonth,
                                        UsmcaShareMethod::kSecondHalf2025}[rng() % 3];
  }
  e.options.product_trace = chance(4);
  return e;
}

TEST(CompileCacheTest, WarmCompilesOfEditedShippedScenariosEqualColdOnesBitForBit) {
  const Baseline b = LoadBaseline("world");
  // Warm: one product data for every compile, its memo filled by all the edits before.
  // Cold: another load of the same files, its memo emptied before every compile.
  const auto warm = LoadProductData(DataDirectory() / "tariffs");
  const auto cold = LoadProductData(DataDirectory() / "tariffs");
  std::mt19937 rng(20251101);
  int compiled = 0, failed = 0;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& name : ShippedScenarioNames()) {
      const Scenario base = LoadScenario(ResolveScenarioPath(name));
      for (int k = 0; k < 12; ++k) {
        Edit e = RandomEdit(base, rng);
        e.options.products = warm;
        const Outcome fast = Compile(e.scenario, b, e.options);
        e.options.products = cold;
        cold->derived_cache().Clear();
        const Outcome fresh = Compile(e.scenario, b, e.options);
        ExpectSame(fast, fresh, fmt::format("{} round {} edit {}", name, round, k));
        (fresh.compiled ? compiled : failed) += 1;
      }
    }
  }
  // Edits that fail to compile must fail alike (ExpectSame checked the message); most compile.
  EXPECT_GT(compiled, 100);
  EXPECT_EQ(compiled + failed, static_cast<int>(2 * 12 * ShippedScenarioNames().size()));
}

// The tiny fixture's product data, with US imports and a list date changed so that every
// compile on it differs from one on the fixture.
std::filesystem::path MakeOtherTinyProductData() {
  const auto dir = MakeTinyProductData("compile-cache-other");
  std::string imports = "hts10,partner,month,value_usd,usmca_value_usd\n";
  for (const char* month : {"2025-10", "2025-11", "2025-12"}) {
    imports += fmt::format("0702000000,CAN,{},30e6,3e6\n", month);
    imports += fmt::format("7208100015,CAN,{},250e6,25e6\n", month);
    imports += fmt::format("8481800000,CAN,{},10e6,9e6\n", month);
    imports += fmt::format("8703230140,CAN,{},90e6,10e6\n", month);
  }
  WriteFile(dir / "us_imports_can_mex_monthly.csv.gz", imports);
  WriteFile(dir / "product_lists.csv", TinyProductLists("2025-06-01", "87"));
  return dir;
}

const char* kTinyScenario = R"(
name = "t"
[[measures]]
id = "ieepa-canada"
authority = "ieepa"
importer = "USA"
origins = ["CAN"]
scope = { all_goods = true, exclude_lists = ["energy_ca", "us_goods_returned"] }
rate = 0.35
usmca = "excluded"

[[measures]]
id = "s232-steel-derivatives"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { lists = ["steel_deriv"] }
rate = 0.5
content = "steel"
replaces_on_content = ["ieepa-canada"]

[[measures]]
id = "s232-autos"
authority = "section_232"
importer = "USA"
origins = ["CAN"]
scope = { lists = ["autos"] }
rate = 0.25
usmca = "non-us-content"
us_content_share = 0.4
replaces = ["ieepa-canada"]
)";

// A memo keyed by the ProductData's address would hand the second object the first one's sums
// once the allocator reuses the address (it usually does: same size, just freed). Here each
// round loads the fixture, compiles, frees it, then loads the other data and compiles: every
// compile on the other data must equal the one made on an object kept alive throughout (so
// its address is never reused), and differ from the fixture's.
TEST(CompileCacheTest, AMemoNeverAnswersForAnotherProductDataObject) {
  const Baseline b = MakeSyntheticNorthAmerica();
  const auto fixture_dir = MakeTinyProductData("compile-cache-fixture");
  const auto other_dir = MakeOtherTinyProductData();
  const auto reference_data = LoadProductData(other_dir);
  const Scenario s = ParseScenario(kTinyScenario, "t.toml", *reference_data);
  CompileOptions o;
  o.date = Date{2025, 11, 1};
  o.products = reference_data;
  const Outcome reference = Compile(s, b, o);
  ASSERT_TRUE(reference.compiled) << reference.error;

  for (int round = 0; round < 4; ++round) {
    SCOPED_TRACE(round);
    {
      auto fixture = LoadProductData(fixture_dir);
      o.products = fixture;
      const Outcome on_fixture = Compile(s, b, o);
      ASSERT_TRUE(on_fixture.compiled) << on_fixture.error;
      // The two data sets give different shocks, so answering one from the other is seen.
      EXPECT_GT(CompareOutcomes(on_fixture, reference).count(), 0u);
    }
    o.products = LoadProductData(other_dir);
    ExpectSame(Compile(s, b, o), reference, "the other data, loaded after the fixture was freed");
    o.products.reset();
  }
}

// Within one object the memo is keyed by everything a value depends on: compiling on one date
// or share method and then another, or a scope and then another, gives each its own result.
TEST(CompileCacheTest, DatesMethodsAndScopesEachGetTheirOwnValues) {
  const Baseline b = MakeSyntheticNorthAmerica();
  const auto warm = LoadProductData(MakeTinyProductData("compile-cache-warm"));
  const auto cold = LoadProductData(MakeTinyProductData("compile-cache-cold"));
  const Scenario base = ParseScenario(kTinyScenario, "t.toml", *warm);
  Scenario narrower = base;
  narrower.measures[0].scope.exclude_hs_prefixes = {"72"};
  const Date dates[] = {{2025, 11, 1}, {2025, 7, 1}, {2025, 11, 1}, {2025, 7, 1}};
  std::vector<CompiledScenario> seen;
  for (const Date& date : dates) {
    for (const Scenario* s : std::initializer_list<const Scenario*>{&base, &narrower}) {
      for (UsmcaShareMethod method : {UsmcaShareMethod::kRolling3Month, UsmcaShareMethod::kMonth}) {
        CompileOptions o;
        o.date = date;
        o.usmca_method = method;
        o.products = warm;
        const Outcome fast = Compile(*s, b, o);
        o.products = cold;
        cold->derived_cache().Clear();
        ExpectSame(fast, Compile(*s, b, o),
                   fmt::format("{} {}", date.ToString(), ToString(method)));
        if (fast.compiled) seen.push_back(*fast.compiled);
      }
    }
  }
  ASSERT_EQ(seen.size(), 16u);
  // The cases differ among themselves (else the comparison above proves little): the steel
  // derivatives list starts on 2025-08-18, the narrower scope leaves out chapter 72, and one
  // month's shares differ from three months' only where the data do — not in the fixture, whose
  // months are alike, so methods are not required to differ.
  EXPECT_NE(seen[0].shock.tariff_rates, seen[4].shock.tariff_rates);  // base on two dates
  EXPECT_NE(seen[0].shock.tariff_rates, seen[2].shock.tariff_rates);  // base vs narrower
}

// A scope naming a sector reaches the products of the ISIC divisions that sector covers in the
// baseline at hand: compiling it on one baseline must not answer it on another whose sector
// covers other divisions.
TEST(CompileCacheTest, SectorScopesFollowTheBaselinesSectorMap) {
  const Baseline b = MakeSyntheticNorthAmerica();
  Baseline moved = b;
  const std::size_t agriculture = 0;
  ASSERT_EQ(b.sectors[agriculture].isic_rev3, "01,02,05");
  moved.sectors[agriculture].isic_rev3 = "01,02,05,11";  // and crude oil (division 11) with it
  const auto warm = LoadProductData(MakeTinyProductData("compile-cache-sector-warm"));
  const auto cold = LoadProductData(MakeTinyProductData("compile-cache-sector-cold"));
  Scenario s = ParseScenario(R"(
name = "t"
[[measures]]
id = "farm-tariff"
authority = "ieepa"
importer = "USA"
origins = ["CAN"]
scope = { sectors = ["agriculture"] }
rate = 0.2
)",
                             "t.toml", *warm);
  std::vector<Outcome> fast;
  for (const Baseline* baseline : std::initializer_list<const Baseline*>{&b, &moved, &b}) {
    CompileOptions o;
    o.date = Date{2025, 11, 1};
    o.products = warm;
    fast.push_back(Compile(s, *baseline, o));
    o.products = cold;
    cold->derived_cache().Clear();
    ExpectSame(fast.back(), Compile(s, *baseline, o), baseline == &b ? "world" : "moved");
  }
  ASSERT_TRUE(fast[0].compiled && fast[1].compiled) << fast[0].error << fast[1].error;
  EXPECT_GT(CompareOutcomes(fast[0], fast[1]).count(), 0u);
}

}  // namespace
}  // namespace ricardo
