-- Shared part of the scenario scripts; each loads it with dofile().
--
-- wrk gives every thread its own Lua state and runs setup() and done() in another one, so the
-- counters are thread globals that done() collects with thread:get(). Every response outside
-- 2xx is counted (wrk itself only counts status > 399) and the RESULT line says how many, so a
-- run with errors cannot pass for a clean one.

local ffi = require("ffi")
ffi.cdef [[
int getpid(void);
int kill(int pid, int sig);
]]
local SIGINT = 2

local common = {}

local threads = {}

-- The scenario is the file name of the script that loaded this one (the first caller up the
-- stack that is not this file), so done() can name it without an argument.
local function caller_script()
  for level = 2, 10 do
    local info = debug.getinfo(level, "S")
    if info == nil then
      break
    end
    local name = info.source:match("^@.-([%w_-]+)%.lua$")
    if name and name ~= "common" then
      return name
    end
  end
  return "unknown"
end
common.scenario = caller_script()

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_index", #threads)
end

-- Thread state: call from init().
function common.start()
  non2xx, taken, finished, first_error = 0, 0, false, ""
end

-- Counts a response outside 2xx and keeps the first error body (error bodies hold no secret).
function common.check(status, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first_error == "" then
      first_error = status .. " " .. body:sub(1, 200)
    end
    return false
  end
  return true
end

-- Ends the run early, from a thread: this thread stops at once (sending nothing more), and
-- SIGINT ends the others as Ctrl-C does, so wrk's figures cover the time really run instead of
-- the full -d with idle threads in it.
function common.finish()
  if not finished then
    finished = true
    wrk.thread:stop()
    ffi.C.kill(ffi.C.getpid(), SIGINT)
  end
end

-- This thread's share of a pool of single-use values, one per line: with n threads, thread i
-- takes lines i, i+n, i+2n... so no two threads ever send the same value.
function common.load_pool(path, thread_count)
  local pool, line_number = {}, 0
  for line in io.lines(path) do
    if line_number % thread_count == thread_index - 1 then
      pool[#pool + 1] = line
    end
    line_number = line_number + 1
  end
  return pool
end

-- The next unused value of the pool; once it is used up, nil, and the run ends, so no value is
-- ever sent twice.
function common.take(pool)
  if taken >= #pool then
    common.finish()
    return nil
  end
  taken = taken + 1
  return pool[taken]
end

-- The request a thread sends when its pool is used up: the thread is stopping, so it is never
-- read, but request() must return one.
function common.idle_request()
  return wrk.format("GET", "/health/live")
end

-- Appends values to this thread's file <prefix>.<thread>, line buffered, so nothing is lost
-- when wrk exits without closing the file.
function common.writer(prefix)
  local file = assert(io.open(prefix .. "." .. thread_index, "w"))
  file:setvbuf("line")
  return file
end

-- A string field of a flat JSON object, read without a JSON library; enough for codes and
-- tokens, which are base64url and JWTs, never escaped.
function common.json_string(body, name)
  return body:match('"' .. name .. '"%s*:%s*"([^"\\]+)"')
end

-- One line per run for run.sh to check and summarise. taken counts the pool values handed to
-- wrk: those answered, the one wrk's start-up check of request() takes and never sends, and
-- those still in flight when the run ended.
function done(summary, latency, requests)
  local non2xx_total, taken_total, ended_early, first = 0, 0, false, ""
  for _, thread in ipairs(threads) do
    non2xx_total = non2xx_total + thread:get("non2xx")
    taken_total = taken_total + thread:get("taken")
    ended_early = ended_early or thread:get("finished")
    if first == "" then
      first = thread:get("first_error")
    end
  end
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT scenario=%s requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f"
      .. " non2xx=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d taken=%d ended_early=%s\n",
    common.scenario, summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, non2xx_total, errors.connect, errors.read, errors.write, errors.timeout,
    taken_total, tostring(ended_early)))
  if first ~= "" then
    io.write("FIRST_ERROR " .. first .. "\n")
  end
end

return common
