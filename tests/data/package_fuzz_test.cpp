// Robustness: thousands of random corruptions of a valid package (truncations, byte flips,
// deleted and duplicated lines) must each either read or fail with a ricardo::Error — never
// crash, hang or throw anything else.
#include <random>

#include "package_fixture.hpp"
#include "test_support.hpp"

namespace ricardo {
namespace {

std::string Mutate(std::string text, std::mt19937& rng) {
  std::uniform_int_distribution<int> kind(0, 5);
  auto pos = [&](std::size_t size) {
    return std::uniform_int_distribution<std::size_t>(0, size ? size - 1 : 0)(rng);
  };
  static const std::string kAlphabet = ",\"\n\r\t -.0123456789eE+naif=[]#'\\xAB";
  switch (kind(rng)) {
    case 0:  // truncate
      return text.substr(0, pos(text.size() + 1));
    case 1:  // replace a byte
      if (!text.empty()) text[pos(text.size())] = kAlphabet[pos(kAlphabet.size())];
      return text;
    case 2:  // insert a byte
      text.insert(text.begin() + static_cast<long>(pos(text.size() + 1)),
                  kAlphabet[pos(kAlphabet.size())]);
      return text;
    case 3: {  // delete a line
      const std::size_t start = text.rfind('\n', pos(text.size()));
      const std::size_t from = start == std::string::npos ? 0 : start + 1;
      const std::size_t end = text.find('\n', from);
      return text.erase(from, end == std::string::npos ? std::string::npos : end - from + 1);
    }
    case 4: {  // duplicate a line
      const std::size_t from = text.find('\n', pos(text.size()));
      if (from == std::string::npos) return text;
      const std::size_t end = text.find('\n', from + 1);
      return text.insert(
          from + 1,
          text.substr(from + 1, end == std::string::npos ? std::string::npos : end - from));
    }
    default:  // a random byte, including NUL and non-ASCII
      text.insert(text.begin() + static_cast<long>(pos(text.size() + 1)),
                  static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng)));
      return text;
  }
}

TEST(PackageFuzz, CorruptedPackagesFailCleanly) {
  const auto dir = testing::MakeTempDirectory("fuzz");
  const std::vector<std::string> files = {"manifest.toml",    "regions.csv",     "sectors.csv",
                                          "trade_flows.csv",  "tariffs.csv",     "value_added.csv",
                                          "input_output.csv", "final_demand.csv"};
  std::mt19937 rng(20260522);
  int read_ok = 0, rejected = 0;
  for (int trial = 0; trial < 1500; ++trial) {
    testing::WriteTinyPackage(dir);
    const std::string& file = files[static_cast<std::size_t>(trial) % files.size()];
    std::string text = testing::ReadText(dir / file);
    const int mutations = 1 + trial % 3;
    for (int m = 0; m < mutations; ++m) text = Mutate(text, rng);
    testing::WriteText(dir / file, text);
    try {
      const Baseline b = ReadPackage(dir);
      ThrowIfInvalid(ValidateBaseline(b));  // what reads must also validate in memory
      ++read_ok;
    } catch (const Error& e) {
      ++rejected;
      EXPECT_FALSE(std::string(e.what()).empty());
    } catch (const std::exception& e) {
      ADD_FAILURE() << "trial " << trial << " (" << file << "): unexpected exception " << e.what()
                    << "\n--- file ---\n"
                    << text;
    }
  }
  EXPECT_GT(rejected, 500);
  EXPECT_GT(read_ok, 50);  // some mutations are harmless (e.g. a changed digit)
}

}  // namespace
}  // namespace ricardo
