-- Scenario "info": GET /oauth/info (API.md §3) with one access token replayed; run.sh passes
-- "Authorization: Bearer ..." with -H and the URL, so the request itself is static.

local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

function init(args)
  common.start()
end

function response(status, headers, body)
  common.check(status, body)
end
