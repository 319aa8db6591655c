// The distribution layer in one process (a test binary is not started by mpirun): every piece
// computed once, results gathered in index order, an exception in a piece stopping the job.
#include "ricardo/distribute.hpp"

#include <atomic>
#include <set>

#include "gtest/gtest.h"
#include "ricardo/error.hpp"

namespace ricardo {
namespace {

TEST(Distribute, WithoutMpiLauncherTheGroupIsOneProcess) {
  const ProcessGroup& group = ProcessGroup::Join();
  EXPECT_EQ(group.size(), 1);
  EXPECT_EQ(group.rank(), 0);
  EXPECT_TRUE(group.is_coordinator());
  EXPECT_FALSE(group.distributed());
  EXPECT_EQ(group.FailedRanks(true), std::vector<int>{});
  EXPECT_EQ(group.FailedRanks(false), std::vector<int>{0});
}

TEST(Distribute, GathersEveryPieceInIndexOrder) {
  DistributeOptions options;
  options.threads = 4;
  std::atomic<int> calls{0};
  const auto results = DistributeAndGather(
      ProcessGroup::Join(), 200,
      [&](std::size_t k) {
        ++calls;
        return std::to_string(k * k);
      },
      options);
  ASSERT_EQ(results.size(), 200u);
  EXPECT_EQ(calls.load(), 200);
  for (std::size_t k = 0; k < results.size(); ++k) EXPECT_EQ(results[k], std::to_string(k * k));
}

TEST(Distribute, HandsOnlyTheListedPiecesToTheSinkOnce) {
  DistributeOptions options;
  options.threads = 3;
  std::multiset<std::size_t> seen;
  Distribute(
      ProcessGroup::Join(), {5, 1, 9, 2}, [](std::size_t k) { return std::string(k, 'x'); },
      [&](std::size_t k, std::string result) {
        EXPECT_EQ(result.size(), k);
        seen.insert(k);
      },
      options);
  EXPECT_EQ(seen, (std::multiset<std::size_t>{1, 2, 5, 9}));
}

TEST(Distribute, AFailingPieceStopsTheJobWithItsError) {
  DistributeOptions options;
  options.threads = 2;
  try {
    DistributeAndGather(
        ProcessGroup::Join(), 50,
        [](std::size_t k) -> std::string {
          if (k == 7) throw LimitError(Location{"piece", 0, 0, ""}, "too big", "make it smaller");
          return "ok";
        },
        options);
    FAIL() << "expected the piece's error";
  } catch (const LimitError& e) {
    EXPECT_STREQ(e.what(), "piece: too big (make it smaller)");
  }
}

TEST(Distribute, ThreadCountZeroMeansThisProcesssShareOfTheCores) {
  EXPECT_GE(DistributedThreadCount(ProcessGroup::Join(), 0), 1);
  EXPECT_EQ(DistributedThreadCount(ProcessGroup::Join(), 3), 3);
  EXPECT_THROW(DistributedThreadCount(ProcessGroup::Join(), -1), ArgumentError);
}

}  // namespace
}  // namespace ricardo
