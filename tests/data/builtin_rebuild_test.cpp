// The built-in baselines and the GTAP concordance are reproducible: rebuilt from ../shared/data
// and the shipped product data, every committed file comes out byte-identical. A failure means
// an input changed (e.g. data/tariffs' divisions or import weights): run
// scripts/build-baselines.sh and commit the result.
#include "builtin_fixture.hpp"

namespace ricardo {
namespace {

constexpr const char* kRebuild = "run scripts/build-baselines.sh and commit the result";

BuiltinBuildOptions Options(const std::filesystem::path& world) {
  BuiltinBuildOptions options;
  options.sources.wiod_directory = world.parent_path() / "wiod2013";
  options.sources.world_directory = world;
  return options;
}

void ExpectSameFiles(const std::filesystem::path& rebuilt, const std::filesystem::path& shipped) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(shipped)) {
    const auto name = entry.path().filename();
    EXPECT_TRUE(std::filesystem::exists(rebuilt / name)) << name;
    EXPECT_TRUE(testing::ReadText(rebuilt / name) == testing::ReadText(entry.path()))
        << shipped.filename() << "/" << name << " is out of date: " << kRebuild;
    ++files;
  }
  for (const auto& entry : std::filesystem::directory_iterator(rebuilt)) {
    EXPECT_TRUE(std::filesystem::exists(shipped / entry.path().filename())) << entry.path();
  }
  EXPECT_EQ(files, 10u);  // eight tables, manifest.toml, PROVENANCE.md
}

void ExpectRebuildIdentical(const std::string& name, const BuiltinBuild& build) {
  EXPECT_LE(build.max_target_error, 1e-9);
  EXPECT_TRUE(build.calibration.IsConverged());
  const auto dir = testing::MakeTempDirectory(name);
  WritePackage(build.baseline, dir,
               {.overwrite = true, .provenance_markdown = build.provenance_markdown});
  ExpectSameFiles(dir, ResolveBaseline(name));
  EXPECT_TRUE(ReadPackage(dir) == testing::ShippedBaseline(name)) << kRebuild;
}

TEST(BuiltinRebuild, ConcordanceIsTheShippedFile) {
  REQUIRE_SHARED_WORLD_DATA(world);
  BuiltinSources sources;
  sources.world_directory = world;
  EXPECT_TRUE(GtapConcordanceCsv(DeriveBuiltinConcordance(sources)) ==
              testing::ReadText(DataDirectory() / "concordance" / "gtap_to_wiod35.csv"))
      << "data/concordance/gtap_to_wiod35.csv is out of date: " << kRebuild;
}

TEST(BuiltinRebuild, WorldIsTheShippedPackage) {
  REQUIRE_SHARED_WORLD_DATA(world);
  ExpectRebuildIdentical("world", BuildWorld(Options(world)));
}

TEST(BuiltinRebuild, NorthAmericaIsTheShippedPackage) {
  REQUIRE_SHARED_WORLD_DATA(world);
  ExpectRebuildIdentical("north-america", BuildNorthAmerica(Options(world)));
}

// Every target in PROVENANCE.md's table is met by the shipped package.
TEST(BuiltinRebuild, EveryTargetIsMetByTheShippedPackage) {
  REQUIRE_SHARED_WORLD_DATA(world);
  for (const char* name : {"world", "north-america"}) {
    const BuiltinBuild build = std::string(name) == "world" ? BuildWorld(Options(world))
                                                            : BuildNorthAmerica(Options(world));
    EXPECT_EQ(build.targets.size(), std::string(name) == "world" ? 132u : 56u);
    for (const FlowTarget& t : build.targets) {
      const double got = TargetValueUsd(testing::ShippedBaseline(name), t);
      EXPECT_NEAR(got, t.value_usd, std::max(1e-9 * t.value_usd, 1.0)) << name << ": " << t.Label();
    }
  }
}

}  // namespace
}  // namespace ricardo
