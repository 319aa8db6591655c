// Data derived from one ProductData alone, memoised inside that ProductData.
//
// The server compiles hundreds of edits of the same scenario a second; most of a compile used to
// go into sums and product sets that do not depend on the edits (pooled monthly imports, which
// products a scope covers on a date). They are kept here, owned by the ProductData they were
// derived from: the cache is created and destroyed with that object, so it can never answer for
// another one (a cache keyed by the object's address could, once the address is reused). Every
// key is everything the value depends on besides the product data, so a hit returns exactly
// what computing afresh would. Values are shared_ptr<const …>, so Clear() cannot pull data
// from under a compile that holds it.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace ricardo::detail {

// One product's US imports from one partner, summed over some months.
struct WeightedProduct {
  std::uint32_t code = 0;
  double value_usd = 0.0;    // summed over the months
  double usmca_share = 0.0;  // Σ usmca / Σ value over the months
};

// One partner group of the 2024 GTAP import table as part of a baseline region.
struct GroupShare {
  std::string group;              // "china", "eu", "row", …
  double fraction = 0.0;          // of the group's 2024 US imports, by country totals
  double imports_2024_usd = 0.0;  // fraction × the group's total over the GTAP goods sectors
};

// Annual import weights for one exporter region of a baseline (ProductData::ProxyWeights).
struct WeightSet {
  std::string description;             // source, year, groups and the proxy composition, in words
  std::vector<GroupShare> groups;      // what the region stands for
  std::vector<WeightedProduct> lines;  // sorted by code, value_usd > 0; usmca_share 0
};

// A set of product codes (indices into ProductData::codes()).
struct ProductSet {
  std::vector<std::uint8_t> in;      // per code: 1 if in the set
  std::vector<std::uint64_t> words;  // the same as bits, 64 codes a word, to intersect sets fast

  static ProductSet FromFlags(std::vector<std::uint8_t> flags) {
    ProductSet set;
    set.words.assign((flags.size() + 63) / 64, 0);
    for (std::size_t c = 0; c < flags.size(); ++c) {
      if (flags[c]) set.words[c / 64] |= std::uint64_t{1} << (c % 64);
    }
    set.in = std::move(flags);
    return set;
  }
  // The lowest code in both sets, or nullopt.
  std::optional<std::size_t> FirstShared(const ProductSet& other) const {
    for (std::size_t w = 0; w < words.size() && w < other.words.size(); ++w) {
      if (const std::uint64_t both = words[w] & other.words[w])
        return w * 64 + static_cast<std::size_t>(std::countr_zero(both));
    }
    return std::nullopt;
  }
};

// What a measure's product set depends on besides the product data: its scope, with the
// baseline's sectors turned into the ISIC divisions they cover (a product joins through its
// division), and the compile date as yyyymmdd (99991231 = every list entry).
struct ScopeKey {
  bool all_goods = false;
  std::vector<std::string> hs_prefixes, lists, exclude_hs_prefixes, exclude_lists;
  std::array<bool, 100> divisions{};  // products of these divisions are in scope
  std::int32_t date_key = 0;

  auto Tie() const {
    return std::tie(all_goods, hs_prefixes, lists, exclude_hs_prefixes, exclude_lists, divisions,
                    date_key);
  }
  bool operator<(const ScopeKey& o) const { return Tie() < o.Tie(); }
};

class DerivedCache {
 public:
  using Pooled = std::shared_ptr<const std::vector<WeightedProduct>>;
  using MemberSet = std::shared_ptr<const ProductSet>;
  using Proxy = std::shared_ptr<const WeightSet>;
  using ProxyKey =
      std::pair<std::string, std::vector<std::string>>;  // region, the baseline's regions

  // Scopes come from request bodies, so their number is unbounded; past this many product sets
  // (≈ 24 kB each on the shipped data) the cache starts over. Pooled imports are keyed by
  // (partner, a window of the data's months) and so are bounded by the data.
  static constexpr std::size_t kMaxMemberSets = 512;
  // Proxy weights are keyed by a baseline's region codes, which a request may name; one
  // region's weights are ≈ 0.3 MB on the shipped data, so 64 hold five 12-region baselines.
  static constexpr std::size_t kMaxProxies = 64;

  DerivedCache() = default;
  DerivedCache(const DerivedCache&) = delete;
  DerivedCache& operator=(const DerivedCache&) = delete;

  // The cached value for `key`, or the one `compute()` returns (stored). compute runs outside
  // the lock; two threads missing together both compute the same value and one is kept.
  template <typename Compute>
  Pooled PooledImports(int partner, const std::vector<std::size_t>& months, Compute compute) {
    return Find(pooled_, std::make_pair(partner, months), compute, 0);
  }
  template <typename Compute>
  MemberSet Members(const ScopeKey& key, Compute compute) {
    return Find(members_, key, compute, kMaxMemberSets);
  }
  template <typename Compute>
  Proxy ProxyWeights(const ProxyKey& key, Compute compute) {
    return Find(proxies_, key, compute, kMaxProxies);
  }

  void Clear() {
    std::lock_guard lock(mutex_);
    pooled_.clear();
    members_.clear();
    proxies_.clear();
  }

 private:
  template <typename Map, typename Key, typename Compute>
  typename Map::mapped_type Find(Map& map, const Key& key, Compute& compute, std::size_t bound) {
    {
      std::lock_guard lock(mutex_);
      if (auto it = map.find(key); it != map.end()) return it->second;
    }
    using Value = std::remove_const_t<typename Map::mapped_type::element_type>;
    typename Map::mapped_type value = std::make_shared<Value>(compute());
    std::lock_guard lock(mutex_);
    if (bound > 0 && map.size() >= bound) map.clear();
    return map.emplace(key, std::move(value)).first->second;
  }

  std::mutex mutex_;
  std::map<std::pair<int, std::vector<std::size_t>>, Pooled> pooled_;
  std::map<ScopeKey, MemberSet> members_;
  std::map<ProxyKey, Proxy> proxies_;
};

}  // namespace ricardo::detail
