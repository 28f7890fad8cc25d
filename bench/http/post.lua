-- Posts comments through the full pipeline: POST /api/v1/comments as signed-in readers, each request from a
-- random reader to a random story, with a fresh civil body of 100-600 characters.
--
-- POST_SESSIONS  a file of "cookie<TAB>csrf<TAB>account" lines (required; bench/scale.sh's seeder writes it)
-- POST_STORIES   a file of story URLs, one a line (required)
-- POST_SITE      the site id (default "bench")
-- POST_MARK      a word put in every body, so a run's comments can be told apart (optional)
--
-- At the end it prints a RESULT line (result.lua; BENCH_HTTP names this folder, default bench/http).

local function lines(name)
    local file = os.getenv(name)
    if file == nil or file == "" then
        error("set " .. name)
    end
    local out = {}
    for line in io.lines(file) do
        if line ~= "" then
            out[#out + 1] = line
        end
    end
    return out
end

local sessions = {}
for _, line in ipairs(lines("POST_SESSIONS")) do
    local cookie, csrf = line:match("^([^\t]+)\t([^\t]+)")
    sessions[#sessions + 1] = { cookie = "parley_session=" .. cookie, csrf = csrf }
end
local stories = lines("POST_STORIES")
local site = os.getenv("POST_SITE") or "bench"
local mark = os.getenv("POST_MARK") or "load"

local words = {}
for word in ([[the talks were long and careful but both delegations agreed that a ceasefire needs monitors on
    the ground I think the article misses how much the regional partners contributed to the draft text which was
    published yesterday and says little about water rights or the border crossings that matter most to families
    living there our correspondent describes a mood of cautious hope among diplomats while farmers still wait for
    roads to reopen trade envoy summit treaty referendum minister council observers grain harbour corridor
    negotiation compromise timetable verification budget schools clinics railway election coalition]]):gmatch("%S+") do
    words[#words + 1] = word
end

local thread_id = 0
local threads = {}
local counter = 0

function setup(thread)
    thread_id = thread_id + 1
    thread:set("id", thread_id)
    threads[#threads + 1] = thread
end

function init(args)
    -- Seeded from the kernel: two wrk processes started in the same second must not send the same posts (the
    -- pipeline answers a reader's repeated comment with 409 repeat_post).
    local urandom = io.open("/dev/urandom", "rb")
    local a, b, c = urandom:read(3):byte(1, 3)
    urandom:close()
    math.randomseed(((a * 256 + b) * 256 + c) * 16 + (id or 0))
end

local function body()
    local target = 100 + math.random(0, 500)
    local parts = { mark }
    local length = #mark
    while length < target do
        local word = words[math.random(#words)]
        parts[#parts + 1] = word
        length = length + #word + 1
    end
    counter = counter + 1
    parts[#parts + 1] = tostring(id) .. "-" .. tostring(counter) .. "."
    return table.concat(parts, " ")
end

function request()
    local session = sessions[math.random(#sessions)]
    local story = stories[math.random(#stories)]
    local payload = '{"site":"' .. site .. '","url":"' .. story .. '","body":"' .. body() .. '"}'
    return wrk.format("POST", "/api/v1/comments", {
        ["Content-Type"] = "application/json",
        ["Cookie"] = session.cookie,
        ["X-Parley-CSRF"] = session.csrf,
    }, payload)
end

-- Answers by status, kept per wrk thread and added up in done(): a post that is not 201 says why here.
statuses = {}

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

local report = dofile((os.getenv("BENCH_HTTP") or "bench/http") .. "/result.lua")

function done(summary, latency, requests)
    report(summary, latency)
    local total = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            total[status] = (total[status] or 0) + count
        end
    end
    local parts = {}
    for status, count in pairs(total) do
        parts[#parts + 1] = status .. ":" .. count
    end
    table.sort(parts)
    io.write("STATUSES " .. table.concat(parts, " ") .. "\n")
end
