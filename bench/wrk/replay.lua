-- Scenarios "health" (GET /health/live, the framework ceiling: no database, no token) and "info"
-- (GET /oauth/info, API.md §3, with one access token): one static request replayed; run.sh
-- passes the URL and any "Authorization: Bearer ..." with -H. Every answer is checked.

local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

function init(args)
  common.start()
end

function response(status, headers, body)
  common.check(status, body)
end
