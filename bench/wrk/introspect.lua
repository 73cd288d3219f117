-- Scenario "introspect": POST /oauth/introspect (RFC 7662) of one access token, replayed. The
-- client's Basic credentials and the form content type come from -H.
-- Arguments after "--": the access token.

local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

function init(args)
  common.start()
  wrk.method = "POST"
  wrk.body = "token=" .. args[1]
end

function response(status, headers, body)
  if common.check(status, body) and not body:find('"active"%s*:%s*true') then
    -- An inactive answer is a 200 too; counted as an error, since the token must be active.
    common.check(599, body)
  end
end
