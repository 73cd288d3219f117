-- Pool generator, not a measured scenario: GET /oauth/authorize in its API form (API.md §3:
-- the customer's key in ACCESSTOKEN stands for sign-in and consent; run.sh passes the headers
-- with -H) and writes each code to <prefix>.<thread> until the thread has its quota.
-- Arguments after "--": output prefix, codes per thread.

local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local out, quota

function init(args)
  common.start()
  out, quota = common.writer(args[1]), tonumber(args[2])
end

function response(status, headers, body)
  if common.check(status, body) and taken < quota then
    local code = assert(common.json_string(body, "code"), "no code in a 200 answer")
    out:write(code, "\n")
    taken = taken + 1
    if taken >= quota then
      common.finish()
    end
  end
end
