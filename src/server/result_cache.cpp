#include "server/result_cache.hpp"

namespace ricardo::server {

ResultCache::ResultCache(std::size_t max_entries, std::size_t max_bytes)
    : max_entries_(max_entries), max_bytes_(max_bytes) {}

std::shared_ptr<const Answer> ResultCache::GetOrCompute(
    const std::string& key, const std::function<std::shared_ptr<const Answer>()>& compute,
    bool* hit) {
  std::promise<std::shared_ptr<const Answer>> promise;
  {
    std::unique_lock lock(mutex_);
    if (auto it = index_.find(key); it != index_.end()) {
      order_.splice(order_.begin(), order_, it->second);
      ++hits_;
      if (hit) *hit = true;
      return it->second->second;
    }
    if (auto it = in_flight_.find(key); it != in_flight_.end()) {
      auto pending = it->second;
      ++hits_;
      lock.unlock();
      if (hit) *hit = true;
      return pending.get();  // rethrows the computing caller's exception
    }
    ++misses_;
    in_flight_.emplace(key, promise.get_future().share());
  }
  if (hit) *hit = false;
  std::shared_ptr<const Answer> answer;
  try {
    answer = compute();
  } catch (...) {
    promise.set_exception(std::current_exception());
    std::lock_guard lock(mutex_);
    in_flight_.erase(key);
    throw;
  }
  promise.set_value(answer);
  std::lock_guard lock(mutex_);
  in_flight_.erase(key);
  if (answer->cacheable) Insert(key, answer);
  return answer;
}

void ResultCache::Insert(const std::string& key, std::shared_ptr<const Answer> answer) {
  const std::size_t size = key.size() + answer->body.size();
  if (max_entries_ == 0 || size > max_bytes_) return;
  order_.emplace_front(key, std::move(answer));
  index_[key] = order_.begin();
  bytes_ += size;
  while (order_.size() > max_entries_ || bytes_ > max_bytes_) {
    const Entry& last = order_.back();
    bytes_ -= last.first.size() + last.second->body.size();
    index_.erase(last.first);
    order_.pop_back();
  }
}

std::size_t ResultCache::entries() const {
  std::lock_guard lock(mutex_);
  return order_.size();
}
std::size_t ResultCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}
long long ResultCache::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}
long long ResultCache::misses() const {
  std::lock_guard lock(mutex_);
  return misses_;
}

}  // namespace ricardo::server
