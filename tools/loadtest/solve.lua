-- wrk script for scripts/load-test.sh: POSTs solve requests like the dashboard's
-- (POST /api/v1/solve, a shipped scenario with edited rates, bilateral_sector false) and
-- prints throughput, latency percentiles, non-2xx and socket-error counts, and cache hits.
--
-- Arguments after `--`: MODE MAX_REQUESTS_PER_THREAD [SCENARIO] [BASELINE]
--   varied  every request carries rates no earlier request had, so the server's result cache
--           cannot answer it: each one is compiled and solved (the worst case)
--   cached  every request is identical: after the first, the cache answers
--   full    as varied, but each request also gives the scenario's own date, which makes the
--           server compile it in full (not only evaluate its kept tariff form at new rates):
--           the worst case for a request that edits more than rates
-- Each thread stops after MAX_REQUESTS_PER_THREAD responses, so a run is bounded in requests
-- as well as in time (wrk -d).

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("id", thread_count)
  thread_count = thread_count + 1
  table.insert(threads, thread)
end

local mode, scenario, baseline
local id, sent = 0, 0
-- Globals, so that done() can read them from each thread.
responses, non_2xx, cache_hits, cache_misses, max_requests = 0, 0, 0, 0, 0

function init(args)
  mode = args[1] or "varied"
  max_requests = tonumber(args[2] or "100000")
  scenario = args[3] or "us-tariffs-2025-11"
  baseline = args[4] or "world"
  id = tonumber(wrk.thread:get("id"))
  if mode ~= "varied" and mode ~= "cached" and mode ~= "full" then
    error("mode must be 'varied', 'cached' or 'full', got '" .. mode .. "'")
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

-- Rates are fractions. In the varied mode the k-th request of thread `id` gets a steel rate
-- and a Canada rate no other request of the run gets (steps of 1e-6 and 1e-5).
local function body_for(k)
  local steel, canada = 0.50, 0.35
  if mode == "varied" or mode == "full" then
    local n = k * 64 + id
    steel = 0.10 + (n % 400000) * 1e-6
    canada = 0.20 + (n % 20000) * 1e-5
  end
  local date = ""
  if mode == "full" then date = '"date":"2025-11-01",' end
  return string.format(
    '{%s"scenario":"%s","baseline":"%s","bilateral_sector":false,"elasticity_flags":false,' ..
    '"rates":{"s232-steel":%.6f,"ieepa-canada":%.5f}}', date, scenario, baseline, steel, canada)
end

function request()
  local body = body_for(sent)
  sent = sent + 1
  return wrk.format(nil, "/api/v1/solve", nil, body)
end

function response(status, headers, body)
  responses = responses + 1
  if status < 200 or status > 299 then non_2xx = non_2xx + 1 end
  local cache = headers["X-Ricardo-Cache"] or headers["x-ricardo-cache"]
  if cache == "hit" then cache_hits = cache_hits + 1 end
  if cache == "miss" then cache_misses = cache_misses + 1 end
  if responses >= max_requests then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local hits, misses = 0, 0
  for _, t in ipairs(threads) do
    hits = hits + (t:get("cache_hits") or 0)
    misses = misses + (t:get("cache_misses") or 0)
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local function ms(us) return us / 1000.0 end
  io.write("---- load-test result ----\n")
  io.write(string.format("requests        %d in %.1f s\n", summary.requests, seconds))
  io.write(string.format("throughput      %.1f req/s\n", summary.requests / seconds))
  io.write(string.format("latency ms      p50 %.1f  p90 %.1f  p99 %.1f  max %.1f  mean %.1f\n",
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)),
    ms(latency.max), ms(latency.mean)))
  io.write(string.format("non-2xx         %d\n", e.status))
  io.write(string.format("socket errors   connect %d  read %d  write %d  timeout %d\n",
    e.connect, e.read, e.write, e.timeout))
  io.write(string.format("cache           hits %d  misses %d\n", hits, misses))
  for _, t in ipairs(threads) do
    if (t:get("responses") or 0) >= (t:get("max_requests") or math.huge) then
      io.write("note            the request bound was reached before the time was up: the\n" ..
               "                throughput above is understated (raise --max-requests)\n")
      break
    end
  end
end
