// Handing out numbered pieces of work to the threads of this process and to the processes of
// an MPI job, and gathering their results on one process (rank 0, "the coordinator").
//
// It knows nothing about what the pieces are: a piece is an index (a chunk of sweep points, a
// Monte Carlo draw), its result an opaque byte string. The sweep (ricardo/sweep.hpp) and
// `run --draws` (ricardo/uncertainty.hpp) use it so that one binary runs on a laptop's threads
// and on many machines with `mpirun -np K` or Slurm's `srun` (docs/scale.md).
//
//   ProcessGroup& group = ProcessGroup::Join();          // MPI_Init only under mpirun / srun
//   DistributeOptions options;  options.threads = 0;      // 0 = this process's share of cores
//   std::vector<std::string> results = DistributeAndGather(
//       group, /*piece_count=*/1000, [&](std::size_t k) { return SolveDraw(k); }, options);
//   if (group.is_coordinator()) Write(results);           // in index order; empty elsewhere
//
// Determinism: which thread or rank computes a piece changes nothing, as long as `work(k)`
// depends only on k (it must not read what other pieces computed). The results reach the
// coordinator in completion order (Distribute's sink) or in index order (DistributeAndGather).
//
// Protocol (MPI): rank 0 keeps the list of pieces to do and hands them out one at a time, in
// list order, to whoever asks first — its own worker threads or another rank — so fast ranks
// take more pieces than slow ones ("dynamic" scheduling). A worker rank's main thread talks to
// rank 0 for its threads. It sends a request (tag kTagRequest, empty) whenever it holds fewer
// pieces than its idle threads need plus one, so that the next piece is there before a thread
// needs it; each finished piece (tag kTagResult: the piece index, 8 bytes little-endian, then
// the result bytes); and, last, kTagDone. Rank 0 answers a request with a piece index (tag
// kTagAssign, 8 bytes) or with no more work (the index kNoMorePieces). A piece that throws on a
// worker rank is reported with tag kTagFailure (error kind, then message) and rank 0 stops the
// job with that error. Rank 0's main thread only communicates (polling with MPI_Iprobe every
// millisecond, so it uses little CPU); its worker threads compute like any other rank's. Each
// call talks on its own duplicate of MPI_COMM_WORLD, so consecutive calls (a sweep, then
// draws) cannot mix messages.
//
// A process built without MPI, or started without mpirun / srun, is a group of one: the same
// calls run the pieces on threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ricardo {

class ProcessGroup {
 public:
  // The group of this process, created on the first call: under an MPI launcher (mpirun,
  // mpiexec, srun with PMI/PMIx: the launcher's environment variables say so) and in a build
  // with MPI, MPI_Init_thread (MPI_THREAD_FUNNELED) runs here and MPI_Finalize at exit;
  // otherwise a group of one, and MPI is never touched (no output, no startup cost). Call it
  // only from the main thread, and only in commands that distribute work.
  static ProcessGroup& Join();

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool is_coordinator() const { return rank_ == 0; }
  // True when this process is one of several MPI ranks.
  bool distributed() const { return size_ > 1; }
  // Ranks of the job on this machine (1 without MPI): how many processes share its cores.
  int local_size() const { return local_size_; }

  // Collective: every rank calls it with whether its setup worked. Returns the ranks that
  // failed (empty if none), the same on every rank. In a group of one, {} or {0}.
  std::vector<int> FailedRanks(bool this_rank_ok) const;

  // Whether this build can run MPI jobs (RICARDO_WITH_MPI).
  static bool BuiltWithMpi();

  ~ProcessGroup();
  ProcessGroup(const ProcessGroup&) = delete;
  ProcessGroup& operator=(const ProcessGroup&) = delete;

 private:
  ProcessGroup() = default;
  void Initialize();
  int rank_ = 0;
  int size_ = 1;
  int local_size_ = 1;
  bool mpi_initialized_ = false;
};

// The index rank 0 sends when no piece is left.
inline constexpr std::uint64_t kNoMorePieces = ~std::uint64_t{0};

struct DistributeOptions {
  // Worker threads computing pieces in this process. 0 = the machine's cores divided by the
  // ranks on this machine (ProcessGroup::local_size()), at least 1.
  int threads = 0;
};

// Computes piece k and returns its result; called on worker threads of any rank, several at
// once (it must be thread-safe). An exception stops the whole job (see Distribute).
using PieceWork = std::function<std::string(std::size_t piece)>;
// Receives a finished piece; called on the coordinator only, on the thread that called
// Distribute, one call at a time, in completion order.
using PieceSink = std::function<void(std::size_t piece, std::string result)>;

// Runs `work` for every index in `pieces` (read on the coordinator only; the other ranks pass
// anything) over the threads and ranks of `group`, handing each result to `sink` on the
// coordinator. Every rank of the group must call it (it is collective). Returns when every
// piece is done; on worker ranks, when rank 0 says there is no more work. An exception in
// `work` (on any rank) or in `sink` is rethrown on the coordinator as the same kind of
// ricardo::Error after the job has stopped; worker ranks then return normally.
void Distribute(const ProcessGroup& group, const std::vector<std::size_t>& pieces,
                const PieceWork& work, const PieceSink& sink, const DistributeOptions& options);

// Distribute over 0 .. piece_count − 1, gathering the results in index order on the
// coordinator (empty vector on the other ranks). Holds every result: for long runs, write them
// as they come with Distribute instead.
std::vector<std::string> DistributeAndGather(const ProcessGroup& group, std::size_t piece_count,
                                             const PieceWork& work,
                                             const DistributeOptions& options);

// The thread count DistributeOptions::threads = `requested` means in this process.
int DistributedThreadCount(const ProcessGroup& group, int requested);

}  // namespace ricardo
