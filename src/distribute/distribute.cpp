// Distribute: worker threads in every process, and (under MPI) rank 0 handing pieces to the
// other ranks on request. The protocol is described in ricardo/distribute.hpp.
#include "ricardo/distribute.hpp"

#include <chrono>
#include <climits>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <new>
#include <optional>
#include <thread>
#include <utility>

#include "ricardo/error.hpp"

#if RICARDO_WITH_MPI
#include <mpi.h>
#endif

namespace ricardo {
namespace {

enum Tag : int { kTagRequest = 1, kTagAssign = 2, kTagResult = 3, kTagFailure = 4, kTagDone = 5 };

// How often rank 0's main thread looks for messages when nothing happens locally, and how often
// another rank's main thread looks for rank 0's answer. Each look costs some 10–20 µs of CPU
// (MPI's progress engine); a blocking MPI_Recv would instead spin a core, which on a machine
// running one rank per core takes it from the solving threads. Workers ask for their next piece
// before they need it (kPiecesAhead), so rank 0's polling delay is hidden behind a piece's
// solving and can be long enough to cost well under 1% of a core.
constexpr auto kPollInterval = std::chrono::milliseconds(1);
constexpr auto kAnswerPollInterval = std::chrono::microseconds(50);
// Pieces a worker rank holds beyond those its idle threads are waiting for.
constexpr std::size_t kPiecesAhead = 1;

using Finished = std::deque<std::pair<std::size_t, std::string>>;

void PutIndex(std::string& bytes, std::uint64_t value) {
  for (int b = 0; b < 8; ++b) bytes.push_back(static_cast<char>((value >> (8 * b)) & 0xff));
}
std::uint64_t GetIndex(const std::string& bytes) {
  std::uint64_t value = 0;
  for (int b = 0; b < 8 && b < static_cast<int>(bytes.size()); ++b)
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[b])) << (8 * b);
  return value;
}

// An exception of a piece, as it crosses to rank 0: the error kind (4 bytes), then the message.
std::string FailureBytes(std::exception_ptr failure) {
  ErrorKind kind = ErrorKind::kInternal;
  std::string message;
  try {
    std::rethrow_exception(failure);
  } catch (const Error& e) {
    kind = e.kind();
    message = e.what();
  } catch (const std::bad_alloc&) {
    kind = ErrorKind::kLimit;
    message = "out of memory on a worker rank (give each rank fewer --threads, or more memory)";
  } catch (const std::exception& e) {
    message = std::string("internal error on a worker rank: ") + e.what();
  }
  std::string bytes;
  PutIndex(bytes, static_cast<std::uint64_t>(kind));
  return bytes + message;
}
std::exception_ptr FailureFrom(const std::string& bytes, int rank) {
  const auto kind = static_cast<ErrorKind>(GetIndex(bytes));
  const std::string message = bytes.size() > 8 ? bytes.substr(8) : "unknown failure";
  return std::make_exception_ptr(
      Error(kind, Location{}, message + " [on MPI rank " + std::to_string(rank) + "]"));
}

#if RICARDO_WITH_MPI
// Each Distribute call talks on its own copy of the world communicator (MPI_Comm_dup, which
// every rank enters together): a rank that has finished one call and starts the next cannot
// have its first request answered by rank 0's loop of the call before (which would say "no
// more work" and count its "done" twice).
MPI_Comm comm = MPI_COMM_NULL;

void Send(int destination, int tag, const std::string& bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    throw InternalError("a piece's result is larger than 2 GiB, more than one MPI message holds");
  MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, destination, tag, comm);
}
std::string Receive(const MPI_Status& probed) {
  int count = 0;
  MPI_Get_count(&probed, MPI_BYTE, &count);
  std::string bytes(static_cast<std::size_t>(count), '\0');
  MPI_Recv(bytes.data(), count, MPI_BYTE, probed.MPI_SOURCE, probed.MPI_TAG, comm,
           MPI_STATUS_IGNORE);
  return bytes;
}
// The next message from anyone, if one is waiting.
bool TryReceive(int* source, int* tag, std::string* bytes) {
  int flag = 0;
  MPI_Status status;
  MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, comm, &flag, &status);
  if (flag == 0) return false;
  *source = status.MPI_SOURCE;
  *tag = status.MPI_TAG;
  *bytes = Receive(status);
  return true;
}
std::string ReceiveFrom(int source, int tag) {
  MPI_Status status;
  for (;;) {
    int flag = 0;
    MPI_Iprobe(source, tag, comm, &flag, &status);
    if (flag != 0) return Receive(status);
    std::this_thread::sleep_for(kAnswerPollInterval);
  }
}
#endif

// Rank 0 (or the only process): local worker threads take pieces from the list; the calling
// thread hands results to the sink and answers the other ranks.
void Coordinate(const ProcessGroup& group, const std::vector<std::size_t>& pieces,
                const PieceWork& work, const PieceSink& sink, int threads) {
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next = 0;  // position in `pieces` of the next piece to hand out
  Finished finished;
  std::exception_ptr failure;
  int running = threads;
  // Under the lock: the next piece, or nothing once all are out or the job failed.
  auto take = [&]() -> std::optional<std::size_t> {
    if (failure || next >= pieces.size()) return std::nullopt;
    return pieces[next++];
  };
  auto worker = [&] {
    for (;;) {
      std::size_t piece = 0;
      {
        std::lock_guard<std::mutex> lock(mutex);
        const auto taken = take();
        if (!taken) {
          --running;
          changed.notify_all();
          return;
        }
        piece = *taken;
      }
      try {
        std::string result = work(piece);
        std::lock_guard<std::mutex> lock(mutex);
        finished.emplace_back(piece, std::move(result));
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!failure) failure = std::current_exception();
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker);

  auto hand_over = [&](std::unique_lock<std::mutex>& lock, std::size_t piece, std::string result) {
    if (failure) return;
    lock.unlock();
    std::exception_ptr thrown;
    try {
      sink(piece, std::move(result));
    } catch (...) {
      thrown = std::current_exception();
    }
    lock.lock();
    if (thrown && !failure) failure = thrown;
  };

  int remote_live = group.size() - 1;  // ranks that have not said they are done
  std::unique_lock<std::mutex> lock(mutex);
  for (;;) {
    while (!finished.empty()) {
      auto item = std::move(finished.front());
      finished.pop_front();
      hand_over(lock, item.first, std::move(item.second));
    }
#if RICARDO_WITH_MPI
    int source = 0, tag = 0;
    std::string bytes;
    while (remote_live > 0) {
      lock.unlock();
      const bool got = TryReceive(&source, &tag, &bytes);
      lock.lock();
      if (!got) break;
      if (tag == kTagRequest) {
        const auto taken = take();
        std::string reply;
        PutIndex(reply, taken ? *taken : kNoMorePieces);
        lock.unlock();
        Send(source, kTagAssign, reply);
        lock.lock();
      } else if (tag == kTagResult) {
        hand_over(lock, GetIndex(bytes), bytes.substr(8));
      } else if (tag == kTagFailure) {
        if (!failure) failure = FailureFrom(bytes, source);
      } else if (tag == kTagDone) {
        --remote_live;
      }
    }
#endif
    if (running == 0 && remote_live == 0 && finished.empty()) break;
    if (remote_live > 0) {
      changed.wait_for(lock, kPollInterval);
    } else {
      changed.wait(lock, [&] { return running == 0 || !finished.empty(); });
    }
  }
  lock.unlock();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

#if RICARDO_WITH_MPI
// A rank other than 0: its threads compute what rank 0 assigns; the calling thread asks for
// pieces on their behalf and sends their results back.
void ServeCoordinator(const PieceWork& work, int threads) {
  std::mutex mutex;
  std::condition_variable changed;
  int waiting = 0;                   // threads waiting for a piece
  std::deque<std::size_t> assigned;  // pieces rank 0 gave this rank, not yet taken
  bool no_more = false;
  int running = threads;
  Finished finished;
  std::deque<std::string> failures;
  auto worker = [&] {
    for (;;) {
      std::unique_lock<std::mutex> lock(mutex);
      ++waiting;
      changed.notify_all();
      changed.wait(lock, [&] { return !assigned.empty() || no_more; });
      --waiting;
      if (assigned.empty()) {
        --running;
        changed.notify_all();
        return;
      }
      const std::size_t piece = assigned.front();
      assigned.pop_front();
      changed.notify_all();  // the main thread asks for the next one while this one is solved
      lock.unlock();
      try {
        std::string result = work(piece);
        lock.lock();
        finished.emplace_back(piece, std::move(result));
      } catch (...) {
        std::string bytes = FailureBytes(std::current_exception());
        lock.lock();
        failures.push_back(std::move(bytes));
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker);

  // Under the lock: whether to ask rank 0 for one more piece.
  auto short_of_work = [&] {
    return !no_more && assigned.size() < static_cast<std::size_t>(waiting) + kPiecesAhead;
  };
  std::unique_lock<std::mutex> lock(mutex);
  for (;;) {
    changed.wait(lock, [&] {
      return !finished.empty() || !failures.empty() || short_of_work() || running == 0;
    });
    Finished results = std::move(finished);
    finished.clear();
    std::deque<std::string> failed = std::move(failures);
    failures.clear();
    const bool ask = short_of_work();
    const bool done = running == 0;
    lock.unlock();
    for (auto& [piece, result] : results) {
      std::string bytes;
      PutIndex(bytes, piece);
      Send(0, kTagResult, bytes + result);
    }
    for (const std::string& f : failed) Send(0, kTagFailure, f);
    if (done && results.empty() && failed.empty()) {
      Send(0, kTagDone, {});
      break;
    }
    if (ask) {
      Send(0, kTagRequest, {});
      const std::uint64_t piece = GetIndex(ReceiveFrom(0, kTagAssign));
      lock.lock();
      if (piece == kNoMorePieces) {
        no_more = true;
      } else {
        assigned.push_back(static_cast<std::size_t>(piece));
      }
      changed.notify_all();
      continue;
    }
    lock.lock();
  }
  for (std::thread& t : pool) t.join();
}
#endif

}  // namespace

void Distribute(const ProcessGroup& group, const std::vector<std::size_t>& pieces,
                const PieceWork& work, const PieceSink& sink, const DistributeOptions& options) {
  const int threads = DistributedThreadCount(group, options.threads);
#if RICARDO_WITH_MPI
  if (group.distributed()) {
    MPI_Comm_dup(MPI_COMM_WORLD, &comm);
    std::exception_ptr failure;
    try {
      if (group.is_coordinator()) {
        Coordinate(group, pieces, work, sink, threads);
      } else {
        ServeCoordinator(work, threads);
      }
    } catch (...) {
      failure = std::current_exception();
    }
    MPI_Comm_free(&comm);
    if (failure) std::rethrow_exception(failure);
    return;
  }
#endif
  Coordinate(group, pieces, work, sink, threads);
}

std::vector<std::string> DistributeAndGather(const ProcessGroup& group, std::size_t piece_count,
                                             const PieceWork& work,
                                             const DistributeOptions& options) {
  std::vector<std::size_t> pieces;
  std::vector<std::string> results;
  if (group.is_coordinator()) {
    pieces.resize(piece_count);
    for (std::size_t k = 0; k < piece_count; ++k) pieces[k] = k;
    results.resize(piece_count);
  }
  Distribute(
      group, pieces, work,
      [&](std::size_t piece, std::string result) { results[piece] = std::move(result); }, options);
  return results;
}

}  // namespace ricardo
