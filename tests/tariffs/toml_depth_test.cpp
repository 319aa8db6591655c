// Nesting depth (issue 11): every TOML document ricardo reads — a scenario given to ParseScenario
// or `ricardo scenario check`, a package's manifest.toml — is refused at the first token nested
// deeper than kMaxNestingDepth, with its location, before toml++ (which recursed once per part of
// a dotted key or table header and crashed on 100,000 of them) sees it. The scanners themselves
// are pinned on small documents: exactly at the limit passes, one level more fails, and brackets
// inside strings and comments do not count.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/nesting_depth.hpp"
#include "data/package_fixture.hpp"
#include "ricardo/error.hpp"
#include "ricardo/package.hpp"
#include "ricardo/scenario.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

using detail::FindJsonNestingExcess;
using detail::FindTomlNestingExcess;
using detail::kMaxNestingDepth;
using detail::NestingExcess;

constexpr const char* kDepthMessage =
    "the document nests deeper than the limit of 64 levels (flatten it; real scenarios nest "
    "arrays, tables and objects fewer than 10 levels deep)";

std::string Repeat(const std::string& s, int times) {
  std::string out;
  for (int k = 0; k < times; ++k) out += s;
  return out;
}

// `key = [[…]]` with `levels` arrays.
std::string DeepArray(int levels) {
  return "rate = " + Repeat("[", levels) + Repeat("]", levels) + "\n";
}

// "line:column" of the excess, or "none".
std::string At(const std::optional<NestingExcess>& excess) {
  return excess ? std::to_string(excess->line) + ":" + std::to_string(excess->column) : "none";
}

TEST(TomlDepth, ArraysAtTheLimitPassAndOneMoreFailsAtItsBracket) {
  ASSERT_EQ(kMaxNestingDepth, 64);
  EXPECT_EQ(At(FindTomlNestingExcess(DeepArray(64))), "none");
  EXPECT_EQ(At(FindTomlNestingExcess(DeepArray(65))), "1:72");  // "rate = " then 64 brackets
  EXPECT_EQ(At(FindTomlNestingExcess(DeepArray(100000))), "1:72");
  EXPECT_EQ(At(FindTomlNestingExcess(DeepArray(3), 2)), "1:10");
}

TEST(TomlDepth, InlineTablesCountOneLevelEachAndTheirKeysOneMore) {
  // a = {a = {… = 1}}: the k-th key sits at depth k, its table too.
  const auto nested = [](int tables) {
    return "a = " + Repeat("{a = ", tables) + "1" + Repeat("}", tables) + "\n";
  };
  EXPECT_EQ(At(FindTomlNestingExcess(nested(63))), "none");  // the innermost key at depth 64
  EXPECT_EQ(At(FindTomlNestingExcess(nested(64))),
            "1:321");  // that key: "a = " then 63 × "{a = " and "{"
  // Arrays of inline tables alternate.
  EXPECT_EQ(At(FindTomlNestingExcess("x = [{y = [{z = 1}]}]\n", 5)), "none");
  EXPECT_EQ(At(FindTomlNestingExcess("x = [{y = [{z = 1}]}]\n", 4)), "1:13");
}

TEST(TomlDepth, DottedKeysAndTableHeadersCountOneLevelPerPart) {
  const auto dotted = [](int parts) {
    std::string key = "a";
    for (int k = 1; k < parts; ++k) key += ".a";
    return key;
  };
  EXPECT_EQ(At(FindTomlNestingExcess(dotted(64) + " = 1\n")), "none");
  EXPECT_EQ(At(FindTomlNestingExcess(dotted(65) + " = 1\n")), "1:129");
  EXPECT_EQ(At(FindTomlNestingExcess("x = 1\n[" + dotted(64) + "]\n")), "none");
  EXPECT_EQ(At(FindTomlNestingExcess("x = 1\n[" + dotted(65) + "]\n")), "2:130");
  // Quoted parts, blanks around dots; a key below a header adds to the header's depth.
  EXPECT_EQ(At(FindTomlNestingExcess("[a . \"b.c\" . 'd']\ne.f = 1\n", 5)), "none");
  EXPECT_EQ(At(FindTomlNestingExcess("[a . \"b.c\" . 'd']\ne.f = 1\n", 4)), "2:3");
  // [[a.b]] is one deeper than [a.b]: its element table.
  EXPECT_EQ(At(FindTomlNestingExcess("[[a.b]]\nc = 1\n", 4)), "none");
  EXPECT_EQ(At(FindTomlNestingExcess("[[a.b]]\nc = 1\n", 3)), "2:1");
  EXPECT_EQ(At(FindTomlNestingExcess("[[a.b]]\n", 2)), "1:6");
  // A header resets the depth: [x] after [a.b.c] is shallow again.
  EXPECT_EQ(At(FindTomlNestingExcess("[a.b.c]\n[x]\ny = [1]\n", 3)), "none");
}

TEST(TomlDepth, BracketsInStringsAndCommentsDoNotCount) {
  const std::string brackets = Repeat("[{", 100);
  for (const std::string& document : {
           "t = \"" + brackets + "\"\n",
           "t = \"\\\"" + brackets + "\\\\\"\n",  // escaped quotes and backslashes
           "t = '" + brackets + "\\'\n",          // no escapes in literal strings
           "t = \"\"\"\n" + brackets + "\\\"\"\"\n" + brackets + "\n\"\"\"\"\"\n",
           "t = '''\n" + brackets + "\n'''''\n",
           "# " + brackets + "\nt = 1 # " + brackets + "\n",
           "\"" + brackets + "\" = 1\n",
           "[\"" + brackets + "\"]\n",
           "t = [\"" + brackets + "\", '" + brackets + "',\n  # " + brackets + "\n]\n",
       }) {
    SCOPED_TRACE(document);
    EXPECT_EQ(At(FindTomlNestingExcess(document, 2)), "none");
  }
  // The same brackets outside strings do count.
  EXPECT_EQ(At(FindTomlNestingExcess("t = [[[1]]]\n", 2)), "1:7");
  // Arrays span lines; a new line does not close them.
  EXPECT_EQ(At(FindTomlNestingExcess("t = [\n [\n  [\n1]]]\n", 2)), "3:3");
}

TEST(TomlDepth, MalformedTextIsScannedInLinearTimeWithoutFalseAlarms) {
  // Garbage of every kind reaches the end (the parser then reports it) without an excess.
  for (const std::string& document : {
           std::string("= = = ]]]] }}}} ,,,, \"unterminated\n'x\n\"\"\"never closed"),
           std::string("a = 20\"5 [[[[\n"),  // toml++ reads 20"5 as one bare value
           std::string("[unclosed\n[also\nx = }\ny = ]\n"),
           Repeat("]", 100000) + Repeat("}", 100000),
       }) {
    EXPECT_EQ(At(FindTomlNestingExcess(document, 2)), "none") << document.substr(0, 40);
  }
}

TEST(JsonDepth, ArraysAndObjectsCountAndStringsDoNot) {
  EXPECT_EQ(At(FindJsonNestingExcess(Repeat("[", 64) + Repeat("]", 64))), "none");
  EXPECT_EQ(At(FindJsonNestingExcess(Repeat("[", 65) + Repeat("]", 65))), "1:65");
  EXPECT_EQ(At(FindJsonNestingExcess("{\"a\":\n {\"b\": [1, {\"c\": 2}]}}", 3)), "2:12");
  EXPECT_EQ(At(FindJsonNestingExcess("{\"a\":\n {\"b\": [1, {\"c\": 2}]}}", 4)), "none");
  // Brackets inside strings, with escaped quotes and backslashes, do not count.
  EXPECT_EQ(At(FindJsonNestingExcess("[\"[[[\\\"[[[\", \"\\\\\", \"{{{\"]", 1)), "none");
  EXPECT_EQ(At(FindJsonNestingExcess("[\"\\\\\", [[]]]", 2)), "1:9");
  // Closing brackets beyond the opening ones are left to the parser.
  EXPECT_EQ(At(FindJsonNestingExcess("]]]]}}}}[[", 2)), "none");
}

std::string ShallowScenario(const std::string& title) {
  return "name = \"deep\"\ntitle = " + title +
         "\nbaseline = \"north-america\"\ndate = 2025-11-01\n\n[[measures]]\nid = \"m\"\n"
         "authority = \"section_232\"\nimporter = \"USA\"\norigins = [\"ALL\"]\n"
         "scope = { hs = [\"72\"] }\nrate = 0.5\n";
}

// ParseScenario's located ScenarioError ("" if it parsed).
std::string ParseError(const std::string& text) {
  try {
    ParseScenario(text, "deep.toml");
    return "";
  } catch (const ScenarioError& e) {
    return e.what();
  }
}

TEST(TomlDepth, ScenarioRefusesDeepArraysInlineTablesKeysAndHeaders) {
  const std::string head = "name = \"deep\"\n";
  EXPECT_EQ(ParseError(head + DeepArray(100000)), std::string("deep.toml:2:72: ") + kDepthMessage);
  EXPECT_EQ(
      ParseError(head + "scope = " + Repeat("{a = ", 100000) + "1" + Repeat("}", 100000) + "\n"),
      std::string("deep.toml:2:325: ") + kDepthMessage);
  std::string key = "a";
  for (int k = 1; k < 100000; ++k) key += ".a";
  EXPECT_EQ(ParseError(head + key + " = 1\n"), std::string("deep.toml:2:129: ") + kDepthMessage);
  EXPECT_EQ(ParseError(head + "[" + key + "]\n"), std::string("deep.toml:2:130: ") + kDepthMessage);
  EXPECT_EQ(ParseError(head + "[[" + key + "]]\n"),
            std::string("deep.toml:2:131: ") + kDepthMessage);
  // At the limit the document reaches the scenario's own checks, which refuse the unknown key.
  EXPECT_EQ(ParseError(head + DeepArray(64)),
            "deep.toml:2:1: unknown key 'rate' in the scenario (did you mean 'date'?)");
}

TEST(TomlDepth, ScenarioWithBracketsInStringsParses) {
  EXPECT_EQ(ParseError(ShallowScenario("\"" + Repeat("[", 1000) + "\"")), "");
  EXPECT_EQ(ParseError(ShallowScenario("'''" + Repeat("{[", 1000) + "'''")), "");
}

TEST(TomlDepth, ScenarioCheckReportsTheLocatedError) {
  const auto dir = testing::MakeTempDirectory("toml-depth");
  const std::string path = (dir / "deep.toml").string();
  testing::WriteText(path, "name = \"deep\"\nbaseline = \"north-america\"\n" + DeepArray(100000));
  const auto result = testing::RunCli("scenario check '" + path + "'");
  EXPECT_EQ(result.exit_code, 4);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "ricardo: scenario error: " + path + ":3:72: " + kDepthMessage + "\n");
}

class ManifestDepthTest : public testing::TinyPackageTest {};

TEST_F(ManifestDepthTest, DeepManifestIsALocatedDataError) {
  testing::ReplaceInFile(
      dir_ / "manifest.toml", "licence = \"CC0\"\n",
      "licence = \"CC0\"\nnotes = " + Repeat("[", 100000) + Repeat("]", 100000) + "\n");
  testing::ExpectReadError(dir_, ErrorKind::kData,
                           std::string("manifest.toml:11:73: ") + kDepthMessage);

  testing::WriteTinyPackage(dir_);
  std::string key = "x";
  for (int k = 1; k < 100000; ++k) key += ".x";
  testing::ReplaceInFile(dir_ / "manifest.toml", "licence = \"CC0\"\n",
                         "licence = \"CC0\"\n" + key + " = 1\n");
  testing::ExpectReadError(dir_, ErrorKind::kData,
                           std::string("manifest.toml:11:129: ") + kDepthMessage);
}

TEST_F(ManifestDepthTest, BracketsInManifestStringsAreText) {
  testing::ReplaceInFile(dir_ / "manifest.toml", "licence = \"CC0\"\n",
                         "licence = \"CC0\"\nnotes = \"" + Repeat("[", 1000) + "\"\n");
  EXPECT_NO_THROW(ReadPackage(dir_));
}

}  // namespace
}  // namespace ricardo
