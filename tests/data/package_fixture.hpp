// A tiny hand-written baseline package (2 regions × 2 sectors) for the package tests, and helpers
// to corrupt one of its files. Header-only: tests/CMakeLists.txt compiles only *_test.cpp files.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "ricardo/error.hpp"
#include "ricardo/package.hpp"
#include "test_support.hpp"

namespace ricardo::testing {

inline void WriteText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

inline std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Replaces the first occurrence of `from` (which must exist) in the file.
inline void ReplaceInFile(const std::filesystem::path& path, const std::string& from,
                          const std::string& to) {
  std::string text = ReadText(path);
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << "'" << from << "' not in " << path;
  text.replace(at, from.size(), to);
  WriteText(path, text);
}

inline const char* kTinyManifest =
    "format = \"ricardo-baseline\"\n"
    "format_version = 1\n"
    "name = \"tiny\"\n"
    "title = \"Two regions, two sectors\"\n"
    "year = 2024\n"
    "currency = \"USD\"\n"
    "money_unit = 1e6\n"
    "unit = \"US$ million\"\n"
    "source = \"made up for tests\"\n"
    "licence = \"CC0\"\n";

// Line numbers below are referred to by the tests (the header is line 1).
inline void WriteTinyPackage(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  WriteText(dir / "manifest.toml", kTinyManifest);
  WriteText(dir / "regions.csv", "code,name\nAAA,Alpha\nBBB,Beta\n");
  WriteText(dir / "sectors.csv",
            "code,name,tradable,theta,isic_rev3\n"
            "goods,\"Goods, all\",true,4,01-37\n"
            "services,Services,false,,40-99\n");
  WriteText(dir / "trade_flows.csv",
            "importer,exporter,sector,value\n"
            "AAA,AAA,goods,80\n"        // 2
            "AAA,BBB,goods,20\n"        // 3
            "BBB,AAA,goods,10\n"        // 4
            "BBB,BBB,goods,90\n"        // 5
            "AAA,AAA,services,100\n"    // 6
            "BBB,BBB,services,120\n");  // 7
  WriteText(dir / "tariffs.csv",
            "importer,exporter,sector,rate\n"
            "AAA,BBB,goods,0.1\n"
            "BBB,AAA,goods,0.05\n");
  WriteText(dir / "value_added.csv",
            "region,sector,share\n"
            "AAA,goods,0.4\n"
            "AAA,services,0.6\n"
            "BBB,goods,0.5\n"
            "BBB,services,0.7\n");
  WriteText(dir / "input_output.csv",
            "region,input_sector,using_sector,share\n"
            "AAA,goods,goods,0.5\n"          // 2
            "AAA,services,goods,0.5\n"       // 3
            "AAA,goods,services,0.3\n"       // 4
            "AAA,services,services,0.7\n"    // 5
            "BBB,goods,goods,0.6\n"          // 6
            "BBB,services,goods,0.4\n"       // 7
            "BBB,goods,services,0.2\n"       // 8
            "BBB,services,services,0.8\n");  // 9
  WriteText(dir / "final_demand.csv",
            "region,sector,share\n"
            "AAA,goods,0.4\n"
            "AAA,services,0.6\n"
            "BBB,goods,0.45\n"
            "BBB,services,0.55\n");
}

// ReadPackage must throw a ricardo::Error of `kind` whose message is exactly `message`.
inline void ExpectReadError(const std::filesystem::path& dir, ErrorKind kind,
                            const std::string& message) {
  try {
    ReadPackage(dir);
    ADD_FAILURE() << "ReadPackage succeeded; expected: " << message;
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), kind) << e.what();
    EXPECT_EQ(std::string(e.what()), message);
  }
}

// A fresh copy of the tiny package in dir_ for each test.
class TinyPackageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDirectory("package");
    WriteTinyPackage(dir_);
  }
  std::filesystem::path dir_;
};

}  // namespace ricardo::testing
