-- wrk script: POST checkout responses, each with a new id (so every request
-- stores a response: the 201 path, not the cheaper 200 of a retry). An
-- optional script argument (`-- 3`) numbers the run, so runs on one
-- database never repeat an id.
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  n = 0
  run = tonumber(args[1] or "0")
end

function request()
  n = n + 1
  local id = string.format("%04x%04x-0000-4000-8000-%012d", run, tid, n)
  local body = '{"id":"' .. id .. '","survey_version":1,"answers":{"satisfaction":' .. (n % 5 + 1) ..
    ',"delivery":{"promise":{"expected":5,"experienced":' .. (n % 7 + 1) .. '}}}}'
  return wrk.format("POST", "/v1/surveys/checkout/responses", {["Content-Type"] = "application/json"}, body)
end
