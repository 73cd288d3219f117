-- Scenario "client_credentials": the client_credentials grant at POST /oauth/token (RFC 6749
-- §4.4), a new access token (and grant) per request. The client's Basic credentials and the
-- form content type come from -H; the body is the same for every request.

local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

function init(args)
  common.start()
  wrk.method = "POST"
  wrk.body = "grant_type=client_credentials&scope=connect"
end

function response(status, headers, body)
  common.check(status, body)
end
