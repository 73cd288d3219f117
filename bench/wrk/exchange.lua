-- Scenario "exchange": the authorization_code grant at POST /oauth/token (RFC 6749 §4.1.3, PKCE
-- S256 per RFC 7636 §4.5), one pre-generated single-use code per request. The client's Basic
-- credentials and the form content type come from -H. Each refresh token answered is written
-- to <prefix>.<thread>, which is the next scenario's pool (one grant per token).
-- Arguments after "--": code pool file, wrk thread count, redirect_uri (form-encoded),
-- code_verifier, refresh token output prefix.

local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local pool, body_prefix, body_suffix, out

function init(args)
  common.start()
  pool = common.load_pool(args[1], tonumber(args[2]))
  body_prefix = "grant_type=authorization_code&code="
  body_suffix = "&redirect_uri=" .. args[3] .. "&code_verifier=" .. args[4]
  out = common.writer(args[5])
end

function request()
  local code = common.take(pool)
  if code == nil then
    return common.idle_request()
  end
  return wrk.format("POST", "/oauth/token", nil, body_prefix .. code .. body_suffix)
end

function response(status, headers, body)
  if common.check(status, body) then
    local refresh_token = common.json_string(body, "refresh_token")
    if refresh_token then
      out:write(refresh_token, "\n")
    end
  end
end
