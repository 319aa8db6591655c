// The distribution layer under `mpirun --oversubscribe -np 3` (ctest sweep.distribute_mpi):
// pieces gathered on rank 0 in index order with every rank taking part, and a piece failing on
// another rank reported on rank 0 with its error kind and rank, every rank then ending normally.
// Exit 0 when all holds; rank 0 prints what failed otherwise.
#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <thread>

#include "ricardo/distribute.hpp"
#include "ricardo/error.hpp"

namespace {

int Check(bool ok, const std::string& what) {
  if (!ok) std::fprintf(stderr, "distribute_mpi_check: %s\n", what.c_str());
  return ok ? 0 : 1;
}

}  // namespace

int main() {
  using namespace ricardo;
  const ProcessGroup& group = ProcessGroup::Join();
  DistributeOptions options;
  options.threads = 1;
  int failures = 0;

  // Gathering: each piece says who computed it; a short sleep lets every rank get some.
  const auto results = DistributeAndGather(
      group, 60,
      [&](std::size_t k) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return std::to_string(k * k) + "@" + std::to_string(group.rank());
      },
      options);
  if (group.is_coordinator()) {
    failures += Check(group.size() == 3, "expected 3 ranks, have " + std::to_string(group.size()));
    failures += Check(results.size() == 60, "expected 60 results");
    std::set<std::string> ranks;
    for (std::size_t k = 0; k < results.size(); ++k) {
      const std::string& r = results[k];
      failures += Check(r.rfind(std::to_string(k * k) + "@", 0) == 0,
                        "result " + std::to_string(k) + " is '" + r + "'");
      ranks.insert(r.substr(r.find('@') + 1));
    }
    failures += Check(ranks.size() == 3, std::to_string(ranks.size()) + " ranks computed pieces");
  } else {
    failures += Check(results.empty(), "a worker rank got results");
  }

  // A failure on another rank: every piece rank 0 computes works, every other rank's fails.
  bool caught = false;
  try {
    Distribute(
        group, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
        [&](std::size_t) -> std::string {
          std::this_thread::sleep_for(std::chrono::milliseconds(5));
          if (group.rank() != 0) throw LimitError(Location{"piece", 0, 0, ""}, "too big");
          return "ok";
        },
        [](std::size_t, std::string) {}, options);
  } catch (const Error& e) {
    caught = true;
    failures += Check(group.is_coordinator(), "a worker rank threw: " + std::string(e.what()));
    failures += Check(e.kind() == ErrorKind::kLimit, std::string("wrong kind: ") + e.what());
    const std::string what = e.what();
    failures += Check(what.rfind("piece: too big [on MPI rank ", 0) == 0, "message: " + what);
  }
  if (group.is_coordinator()) failures += Check(caught, "rank 0 did not see the failure");
  return failures == 0 ? 0 : 1;
}
