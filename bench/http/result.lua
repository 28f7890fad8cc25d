-- The RESULT line threads.lua and post.lua print when wrk is done, for bench/lib.sh's wrk_result:
--   RESULT requests=N seconds=S rps=R p50_ms=A p90_ms=B p99_ms=C max_ms=D errors=E non2xx=F
return function(summary, latency)
    local errors = summary.errors
    io.write(string.format(
        "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d\n",
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, errors.connect + errors.read + errors.write + errors.timeout, errors.status))
end
