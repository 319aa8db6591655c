// Answers to solve requests, kept by request key (least recently used out first), with
// identical requests in flight computed once: the first caller computes, the others wait for
// its answer (or its exception).
#pragma once

#include <cstddef>
#include <functional>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ricardo::server {

struct Answer {
  int status = 200;
  std::string body;       // JSON text
  bool cacheable = true;  // false for answers that may differ next time (time limits)
};

class ResultCache {
 public:
  ResultCache(std::size_t max_entries, std::size_t max_bytes);

  // The cached answer for `key`, or the one `compute` returns (computed once for concurrent
  // identical keys). `hit` (optional) tells whether no computing was needed by this call.
  std::shared_ptr<const Answer> GetOrCompute(
      const std::string& key, const std::function<std::shared_ptr<const Answer>()>& compute,
      bool* hit = nullptr);

  std::size_t entries() const;
  std::size_t bytes() const;
  long long hits() const;
  long long misses() const;

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const Answer>>;
  void Insert(const std::string& key, std::shared_ptr<const Answer> answer);

  const std::size_t max_entries_;
  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::unordered_map<std::string, std::shared_future<std::shared_ptr<const Answer>>> in_flight_;
  std::size_t bytes_ = 0;
  long long hits_ = 0, misses_ = 0;
};

}  // namespace ricardo::server
