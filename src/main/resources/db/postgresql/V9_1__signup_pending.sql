-- Sign-up confirmed by mail (POST /api/v2/auth/signup): an account made that way waits, unable to log in, until the
-- link mailed to its address is followed (or a password-reset link is, which proves the address as well). Until
-- then a log-in with its password would tell whoever made it that the address had no account before. Kept in
-- step with db/sqlite/V9_1__signup_pending.sql.

ALTER TABLE accounts ADD COLUMN signup_pending SMALLINT NOT NULL DEFAULT 0;
