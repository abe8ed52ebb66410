-- wrk script for the survey benchmark: answers each survey in $TOKENS (a file, one token a line) once, CSAT scores.
-- wrk runs one Lua state per thread, so thread k of $THREADS takes lines k+1, k+1+$THREADS, ...: the slices are
-- disjoint and no token is answered twice. A thread that runs out of tokens stops sending (and says so), so a run too
-- long for its tokens cannot pass for a measurement. done() writes the invitation id of every 201 to $ACKED, one a
-- line, and prints one RESULT line of key=value pairs.
local threads = {}
local count = tonumber(os.getenv("THREADS") or error("THREADS must be the wrk -t value"))

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local tokens, next_token = {}, 1
local headers = { ["Content-Type"] = "application/json" }
-- Read back by done() through thread:get, so they are globals of the thread's state.
acked, statuses, exhausted, sent, received = {}, {}, 0, 0, 0

function init(args)
  local n = 0
  for line in io.lines(os.getenv("TOKENS") or error("TOKENS must name the token file")) do
    if n % count == id then
      tokens[#tokens + 1] = line
    end
    n = n + 1
  end
  math.randomseed(os.time() + id)
end

-- wrk also calls this (twice, in 4.1) on the first thread before the run to inspect the request: those tokens are never
-- sent, so `sent` may overstate what went out by that much. sent - received is what was in flight when wrk stopped.
function request()
  local token = tokens[next_token]
  if token == nil then
    exhausted = 1
    sent = sent + 1
    wrk.thread:stop()
    -- Something must go out; reading a survey stores nothing (its 200 counts as "other").
    return wrk.format("GET", "/v1/surveys/" .. (tokens[#tokens] or "none"))
  end
  next_token = next_token + 1
  sent = sent + 1
  return wrk.format("POST", "/v1/surveys/" .. token .. "/responses", headers,
    string.format('{"score":%d,"comment":"bench answer"}', math.random(1, 5)))
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  received = received + 1
  if status == 201 then
    acked[#acked + 1] = body:match('"invitationId":"([^"]+)"') or "unreadable 201 body"
  end
end

function done(summary, latency, requests)
  local by_status, out, in_flight = {}, 0, 0
  local file = assert(io.open(os.getenv("ACKED") or error("ACKED must name a file to write"), "w"))
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + n
    end
    for _, invitation in ipairs(thread:get("acked")) do
      file:write(invitation, "\n")
    end
    out = out + thread:get("exhausted")
    in_flight = in_flight + thread:get("sent") - thread:get("received")
  end
  file:close()
  local others, other = {}, 0
  for status, n in pairs(by_status) do
    if status ~= 201 and status ~= 409 then
      others[#others + 1] = status .. ":" .. n
      other = other + n
    end
  end
  table.sort(others)
  local errors = summary.errors
  io.write(string.format("RESULT requests=%d s201=%d s409=%d sother=%d others=%s socket_errors=%d "
      .. "in_flight=%d tokens_exhausted=%d duration_s=%.3f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, by_status[201] or 0, by_status[409] or 0, other, #others > 0 and table.concat(others, ",") or "-",
    errors.connect + errors.read + errors.write + errors.timeout, in_flight, out, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
