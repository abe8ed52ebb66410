-- wrk script for the metrics benchmark: POST the GraphQL document in $BODY with the bearer token in $TOKEN.
local body = os.getenv("BODY")
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
request = function()
  return wrk.format("POST", nil, headers, body)
end
done = function(summary, latency, requests)
  io.write(string.format("requests=%d non2xx=%d errors=%d rps=%.0f p50=%.1fms p99=%.1fms\n", summary.requests,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
