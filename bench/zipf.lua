-- wrk script: GET paths read from $DRM_ZIPF_PATHS (one per line, most read first), each chosen
-- with probability proportional to 1/rank (Zipf, s = 1), so a few stories take most reads and
-- every story is read now and then, as on a day of breaking news.
local paths, cumulative, total = {}, {}, 0

local function load()
  for line in io.lines(os.getenv("DRM_ZIPF_PATHS")) do
    paths[#paths + 1] = line
    total = total + 1 / #paths
    cumulative[#cumulative + 1] = total
  end
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  load()
  math.randomseed(os.time() * 100 + id)
end

function request()
  local target, lo, hi = math.random() * total, 1, #cumulative
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cumulative[mid] < target then lo = mid + 1 else hi = mid end
  end
  return wrk.format("GET", paths[lo])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "ZIPF requests=%d seconds=%.2f rps=%.1f p50_ms=%.1f p99_ms=%.1f non2xx=%d errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
