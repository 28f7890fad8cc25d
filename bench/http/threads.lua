-- Reads thread pages named in a file, one path and query per line (THREAD_PATHS), each wrk thread walking
-- through the list from its own starting point, so that many different stories are read at once.
--
-- THREAD_PATHS  a file of paths, e.g. /api/v1/threads?site=bench&url=...&limit=200 (required)
-- THREAD_GZIP   "1" to send Accept-Encoding: gzip
--
-- At the end it prints a RESULT line (result.lua; BENCH_HTTP names this folder, default bench/http).

local paths = {}
local file = os.getenv("THREAD_PATHS")
if file == nil or file == "" then
    error("set THREAD_PATHS to a file of thread paths")
end
for line in io.lines(file) do
    if line ~= "" then
        paths[#paths + 1] = line
    end
end
if #paths == 0 then
    error("no paths in " .. file)
end

local headers = { ["Accept"] = "application/json" }
if os.getenv("THREAD_GZIP") == "1" then
    headers["Accept-Encoding"] = "gzip"
end

local next_index = 1
local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("start", threads * 7919)
end

function init(args)
    next_index = (start or 1) % #paths + 1
end

function request()
    local path = paths[next_index]
    next_index = next_index % #paths + 1
    return wrk.format("GET", path, headers)
end

local report = dofile((os.getenv("BENCH_HTTP") or "bench/http") .. "/result.lua")

function done(summary, latency, requests)
    report(summary, latency)
end
