-- Scenario "health": GET /health/live, which answers without touching the database or any
-- token: the framework ceiling (Vert.x, routing, the metrics and tracing handlers) that the
-- other scenarios are compared to in the same run. The URL is static.

local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

function init(args)
  common.start()
end

function response(status, headers, body)
  common.check(status, body)
end
