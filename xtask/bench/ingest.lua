-- wrk script: POST checkout responses, each with a new id (so every request
-- stores a response: the 201 path, not the cheaper 200 of a retry).
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  n = 0
end

function request()
  n = n + 1
  local id = string.format("%08x-0000-4000-8000-%012d", tid, n)
  local body = '{"id":"' .. id .. '","survey_version":1,"answers":{"satisfaction":' .. (n % 5 + 1) ..
    ',"delivery":{"promise":{"expected":5,"experienced":' .. (n % 7 + 1) .. '}}}}'
  return wrk.format("POST", "/v1/surveys/checkout/responses", {["Content-Type"] = "application/json"}, body)
end
