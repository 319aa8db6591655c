// Write → read is exact: a Baseline written as a package reads back equal, bit for bit.
#include "gtest/gtest.h"
#include "package_fixture.hpp"
#include "ricardo/calibrate.hpp"
#include "ricardo/cp2015.hpp"
#include "ricardo/package.hpp"
#include "ricardo/wiod.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

// A random baseline with the manifest a package needs (MakeRandomBaseline leaves year 0).
Baseline Random(std::size_t regions, std::size_t sectors, unsigned seed) {
  Baseline b = testing::MakeRandomBaseline(regions, sectors, seed);
  b.manifest.year = 2024;
  return b;
}

void ExpectRoundTrip(const Baseline& b, const std::string& name) {
  const auto dir = testing::MakeTempDirectory(name);
  WritePackage(b, dir, {.overwrite = true, .provenance_markdown = {}});
  std::vector<PackageIssue> warnings;
  const Baseline read = ReadPackage(dir, &warnings);
  EXPECT_TRUE(read == b) << name << ": the package does not read back exactly";
  EXPECT_EQ(read.manifest, b.manifest);
  EXPECT_EQ(read.sectors, b.sectors);
  EXPECT_EQ(read.trade_flows, b.trade_flows);
  EXPECT_EQ(read.tariff_rates, b.tariff_rates);
  EXPECT_EQ(read.value_added_share, b.value_added_share);
  EXPECT_EQ(read.input_shares, b.input_shares);
  EXPECT_EQ(read.final_demand_share, b.final_demand_share);
  // Writing what was read gives the same files.
  const auto again = testing::MakeTempDirectory(name + "-again");
  WritePackage(read, again, {.overwrite = true, .provenance_markdown = {}});
  for (const char* file : {"manifest.toml", "trade_flows.csv", "input_output.csv",
                           "value_added.csv", "final_demand.csv"}) {
    EXPECT_EQ(testing::ReadText(dir / file), testing::ReadText(again / file)) << file;
  }
}

TEST(PackageRoundTrip, RandomBaselinesWithAwkwardText) {
  for (unsigned seed : {1u, 2u, 3u}) {
    Baseline b = Random(4, 3, seed);
    b.manifest.title = "Quotes \"here\", commas, and a backslash \\ too";
    b.manifest.notes = "line one\nline two with \"\"\" triple quotes\n\ttab";
    b.manifest.money_unit = 1e10;
    b.regions[1].name = "Name, with \"quotes\"";
    b.sectors[2].isic_rev3 = "01,02,05";
    b.sectors[1].theta = 1.0 / 3.0;
    b.trade_flows(0, 1, 2) = 1e-300;
    b.trade_flows(1, 0, 1) = 123456789.123456789;
    ExpectRoundTrip(b, "random-" + std::to_string(seed));
  }
}

TEST(PackageRoundTrip, Cp2015BaseYearWithItsNegativeInputShare) {
  const cp2015::RawData raw = cp2015::ReadRaw(cp2015::ShippedDataDirectory());
  std::vector<std::string> notes;
  const Baseline data = cp2015::BuildDataBaseYear(raw, {}, &notes);
  ExpectRoundTrip(data, "cp2015");
}

TEST(PackageRoundTrip, ShippedNorthAmericaReadsBackExactly) {
  ExpectRoundTrip(LoadBaseline("north-america"), "north-america");
}

TEST(PackageRoundTrip, WiodImport) {
  REQUIRE_SHARED_DATA(wiod_source, "wiod2013");
  wiod::ImportOptions options;
  options.year = 2011;
  options.source_directory = wiod_source;
  options.calibrate = false;
  ExpectRoundTrip(wiod::Import(options).baseline, "wiod");
}

TEST(PackageRoundTrip, RefusesToOverwriteWithoutPermission) {
  const auto dir = testing::MakeTempDirectory("twice");
  const Baseline b = Random(2, 2, 9);
  WritePackage(b, dir);
  try {
    WritePackage(b, dir);
    ADD_FAILURE() << "second write succeeded";
  } catch (const ArgumentError& e) {
    EXPECT_EQ(std::string(e.what()), dir.string() +
                                         " already holds a baseline package (choose "
                                         "another directory or allow overwriting "
                                         "(--force))");
  }
}

TEST(PackageRoundTrip, RefusesToWriteAnInvalidBaseline) {
  Baseline b = Random(2, 2, 9);
  b.value_added_share(1, 0) = 1.5;
  try {
    WritePackage(b, testing::MakeTempDirectory("invalid"));
    ADD_FAILURE() << "wrote an invalid baseline";
  } catch (const DataError& e) {
    EXPECT_EQ(std::string(e.what()),
              "value_added_share[R1, s0]: value-added share 1.5 of R1/s0 is outside [0, 1] "
              "(value added is a share of gross output: value added / gross output)");
  }
}

TEST(PackageRoundTrip, MoneyOnlyTablesGiveTheSameShares) {
  // A package may state value added, input use and final demand as money instead of shares.
  const Baseline b = Random(3, 3, 4);
  const auto dir = testing::MakeTempDirectory("money");
  WritePackage(b, dir);
  auto drop_column = [&](const char* file, std::size_t column) {
    std::string out;
    std::istringstream in(testing::ReadText(dir / file));
    for (std::string line; std::getline(in, line);) {
      std::vector<std::string> fields;
      std::stringstream fs(line);
      for (std::string f; std::getline(fs, f, ',');) fields.push_back(f);
      fields.erase(fields.begin() + static_cast<long>(column));
      for (std::size_t k = 0; k < fields.size(); ++k) out += (k ? "," : "") + fields[k];
      out += "\n";
    }
    testing::WriteText(dir / file, out);
  };
  drop_column("value_added.csv", 3);   // region,sector,gross_output,[share],value
  drop_column("input_output.csv", 3);  // region,input_sector,using_sector,[share],value
  drop_column("final_demand.csv", 2);  // region,sector,[share],value
  const Baseline read = ReadPackage(dir);
  for (std::size_t k = 0; k < b.value_added_share.size(); ++k) {
    EXPECT_NEAR(read.value_added_share.values()[k], b.value_added_share.values()[k], 1e-14);
    EXPECT_NEAR(read.final_demand_share.values()[k], b.final_demand_share.values()[k], 1e-14);
  }
  for (std::size_t k = 0; k < b.input_shares.size(); ++k) {
    EXPECT_NEAR(read.input_shares.values()[k], b.input_shares.values()[k], 1e-14);
  }
}

TEST(PackageRoundTrip, WithoutFinalDemandTheSharesComeFromTheIdentity) {
  const Baseline b = Random(3, 2, 5);  // α from the identity already
  const auto dir = testing::MakeTempDirectory("identity");
  WritePackage(b, dir);
  std::filesystem::remove(dir / "final_demand.csv");
  const Baseline read = ReadPackage(dir);
  for (std::size_t k = 0; k < b.final_demand_share.size(); ++k) {
    EXPECT_NEAR(read.final_demand_share.values()[k], b.final_demand_share.values()[k], 1e-14);
  }
}

}  // namespace
}  // namespace ricardo
