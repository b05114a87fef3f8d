-- Vitae schema 2: accounts, personal API tokens and the audit log.
-- Times are unix seconds, UTC. Secrets are never stored: only hashes of tokens.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL COLLATE NOCASE UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    password_hash TEXT,                   -- Argon2id PHC string; NULL until an invite is used
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    totp_secret TEXT,                     -- base32; NULL while two-factor is off
    totp_last_step INTEGER,               -- last accepted TOTP step, refuses replays
    recovery_code_hashes TEXT NOT NULL DEFAULT '[]',  -- JSON array of SHA-256 hex
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,             -- SHA-256 of the cookie value
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    ip TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT '',
    second_factor_pending INTEGER NOT NULL DEFAULT 0 CHECK (second_factor_pending IN (0, 1))
) STRICT;
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,      -- SHA-256 of the token
    prefix TEXT NOT NULL,                 -- first characters, to tell tokens apart in lists
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER
) STRICT;
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

-- Kept when the actor's account is deleted: actor holds the email as it was.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor_user_id INTEGER,
    actor TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}'     -- JSON object
) STRICT;
CREATE INDEX audit_log_by_time ON audit_log (at);
CREATE INDEX audit_log_by_action ON audit_log (action, at);
