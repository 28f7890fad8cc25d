-- Reads one thread page over and over: GET THREAD_PATH, the same request for Parley and for nginx.
--
-- THREAD_PATH  the path and query to request (required), e.g. /api/v1/threads?site=demo&url=...&limit=200
-- THREAD_GZIP  "1" to send Accept-Encoding: gzip (the compressed case), anything else for the plain case
--
-- No response() callback: it would cost Lua work per request on the client, the same for both servers but a
-- cap on the faster one. wrk reports non-2xx/3xx answers itself; the runner fails on them.

local path = os.getenv("THREAD_PATH")
if path == nil or path == "" then
    error("set THREAD_PATH to the thread's path and query")
end

wrk.method = "GET"
wrk.path = path
wrk.headers["Accept"] = "application/json"
if os.getenv("THREAD_GZIP") == "1" then
    wrk.headers["Accept-Encoding"] = "gzip"
end
