-- Rate-limit buckets shared by every instance on this database (issue 15, item 6): one row per limit and key
-- (e.g. "LOGIN_PER_IP|<address hash>"), holding Bucket4j's serialized token bucket. Bucket4j's PostgreSQL back end
-- (store/RateLimitBuckets) locks a key's row with SELECT … FOR UPDATE while it takes a token, so N instances draw
-- on one budget. expires_at (epoch milliseconds) is when the bucket would be full again; the hourly purge deletes
-- rows past it. Kept in step with db/sqlite/V12_4__rate_limit_buckets.sql.
CREATE TABLE rate_limit_buckets (
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_buckets_by_expiry ON rate_limit_buckets (expires_at);
