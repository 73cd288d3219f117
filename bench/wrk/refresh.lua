-- Scenario "refresh": the refresh_token grant with rotation at POST /oauth/token
-- (RFC 6749 §6; API.md §3: every use retires the token, a reuse revokes the grant), one
-- pre-generated token per request, each from its own grant, so no request presents a retired
-- token. The client's Basic credentials and the form content type come from -H.
-- Arguments after "--": refresh token pool file, wrk thread count.

local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local pool

function init(args)
  common.start()
  pool = common.load_pool(args[1], tonumber(args[2]))
end

function request()
  local refresh_token = common.take(pool)
  if refresh_token == nil then
    return common.idle_request()
  end
  return wrk.format("POST", "/oauth/token", nil, "grant_type=refresh_token&refresh_token=" .. refresh_token)
end

function response(status, headers, body)
  common.check(status, body)
end
