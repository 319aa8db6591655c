// ProcessGroup: MPI's world communicator when launched by an MPI launcher, else one process.
#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>

#include "ricardo/distribute.hpp"
#include "ricardo/error.hpp"

#if RICARDO_WITH_MPI
#include <mpi.h>
#endif

namespace ricardo {
namespace {

// Launchers set these in every process they start: OpenMPI's mpirun, MPICH/Hydra and Slurm's
// PMI-2, and PMIx (OpenMPI 4+, `srun --mpi=pmix`). A plain `ricardo sweep` sees none of them
// and never initialises MPI, so commands run without mpirun start as fast and print nothing.
[[maybe_unused]] bool LaunchedByMpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMI_RANK", "PMIX_RANK"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

}  // namespace

bool ProcessGroup::BuiltWithMpi() {
  return RICARDO_WITH_MPI != 0;
}

ProcessGroup& ProcessGroup::Join() {
  static ProcessGroup group;
  static std::once_flag once;
  std::call_once(once, [] { group.Initialize(); });
  return group;
}

void ProcessGroup::Initialize() {
#if RICARDO_WITH_MPI
  if (!LaunchedByMpi()) return;
  int provided = 0;
  // FUNNELED: only the thread that joined talks to MPI (Distribute's main loop); the worker
  // threads compute and hand their results to it.
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  mpi_initialized_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  MPI_Comm local;
  MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &local);
  MPI_Comm_size(local, &local_size_);
  MPI_Comm_free(&local);
#else
  // Started by a launcher with several ranks but unable to talk to them: each process would
  // run the whole sweep and write the same files at once. Refused on every rank instead.
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && std::atoi(value) > 1)
      throw ArgumentError(std::string("started by an MPI launcher with ") + value +
                              " processes, but this ricardo was built without MPI",
                          "build with -DRICARDO_WITH_MPI=ON (install libopenmpi-dev: "
                          "scripts/install-deps.sh), or run without mpirun; docs/scale.md");
  }
#endif
}

// The static's destructor runs once, at exit, after every command has returned.
ProcessGroup::~ProcessGroup() {
#if RICARDO_WITH_MPI
  if (mpi_initialized_) {
    int finalized = 0;
    MPI_Finalized(&finalized);
    if (!finalized) MPI_Finalize();
  }
#endif
}

std::vector<int> ProcessGroup::FailedRanks(bool this_rank_ok) const {
  std::vector<int> failed;
  if (size_ == 1) {
    if (!this_rank_ok) failed.push_back(0);
    return failed;
  }
#if RICARDO_WITH_MPI
  std::vector<int> ok(static_cast<std::size_t>(size_), 0);
  int mine = this_rank_ok ? 1 : 0;
  MPI_Allgather(&mine, 1, MPI_INT, ok.data(), 1, MPI_INT, MPI_COMM_WORLD);
  for (int r = 0; r < size_; ++r) {
    if (ok[static_cast<std::size_t>(r)] == 0) failed.push_back(r);
  }
#endif
  return failed;
}

int DistributedThreadCount(const ProcessGroup& group, int requested) {
  if (requested < 0)
    throw ArgumentError("--threads is " + std::to_string(requested) + ", must be at least 0",
                        "give 0 for all cores, or a positive count");
  if (requested > 0) return requested;
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return std::max(1, cores / std::max(1, group.local_size()));
}

}  // namespace ricardo
