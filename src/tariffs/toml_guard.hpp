// A pre-pass over scenario TOML before toml++ sees it.
//
// Debian's toml++ 3.3 has undefined behaviour (a __builtin_unreachable reached) when its
// whitespace test meets some non-ASCII characters — U+00A1–U+0499 among them, so "é" — in a
// position where whitespace may appear: outside strings, or after a backslash in a multi-line
// basic string (found by fuzz/scenario_fuzz.cpp; regression inputs in fuzz/corpus/scenario).
// TOML allows non-ASCII text only inside strings and comments, so rejecting it elsewhere refuses
// no valid file (a quote counts as opening a string only where TOML allows one: a quote inside a
// bare value such as 20"5 does not, for toml++); the one valid form refused is a line-ending
// backslash in a """ string followed by a line that starts with a non-ASCII character.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <string_view>

namespace ricardo::detail {

// Throws ScenarioError at the line and column (in characters) of the first non-ASCII character
// outside strings and comments, or after a backslash in a multi-line basic string.
void CheckTomlCharacters(std::string_view text, const std::string& file);

// Throws ScenarioError at the first token nested deeper than kMaxNestingDepth
// (core/nesting_depth.hpp): toml++ recurses once per level of a dotted key or table header.
void CheckTomlDepth(std::string_view text, const std::string& file);

// Both checks: what every caller of toml::parse runs first.
void GuardToml(std::string_view text, const std::string& file);

// GuardToml, then toml::parse; a syntax error is a ScenarioError at toml++'s line and column
// (scenarios and sweep specs).
toml::table ParseGuardedToml(std::string_view text, const std::string& file);

}  // namespace ricardo::detail
