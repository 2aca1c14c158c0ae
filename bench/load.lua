-- wrk script for bench/load.sh: rotates over the paths in $PATHS (space-separated), or POSTs the sign-in form
-- ($MODE=signin, with $COOKIE and $TOKEN from a real GET of the form). Counts answers by class; done() prints them.
local paths, i = {}, 0
local mode = os.getenv("MODE") or "pages"
local body = "Email=load%40example.org&Password=not-the-password-at-all&__RequestVerificationToken=" .. (os.getenv("TOKEN") or "")
local threads = {}

function setup(thread) table.insert(threads, thread) end

function init(args)
  for p in string.gmatch(os.getenv("PATHS") or "/ru/", "%S+") do table.insert(paths, p) end
  ok, redirect, other4xx, limited, failed = 0, 0, 0, 0, 0
end

function request()
  if mode == "signin" then
    return wrk.format("POST", "/account/login", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = os.getenv("COOKIE") or "",
    }, body)
  end
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  if status >= 500 then failed = failed + 1
  elseif status == 429 then limited = limited + 1
  elseif status >= 400 then other4xx = other4xx + 1
  elseif status >= 300 then redirect = redirect + 1
  else ok = ok + 1 end
end

function done(summary, latency, requests)
  local t = { ok = 0, redirect = 0, other4xx = 0, limited = 0, failed = 0 }
  for _, th in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + (th:get(k) or 0) end
  end
  io.write(string.format("COUNTS 2xx=%d 3xx=%d 4xx=%d 429=%d 5xx=%d errors=%d\n",
    t.ok, t.redirect, t.other4xx, t.limited, t.failed,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
