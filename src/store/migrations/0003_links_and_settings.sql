-- Vitae schema 3: one-time links (first-run setup, invites, password resets) and
-- settings that admins change from the panel.

-- A link's secret is never stored, only its SHA-256. A link is spent by setting used_at.
CREATE TABLE one_time_links (
    token_hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('setup', 'invite', 'reset')),
    user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,  -- NULL for setup
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    CHECK ((purpose = 'setup') = (user_id IS NULL))
) STRICT;
CREATE INDEX one_time_links_by_user ON one_time_links (user_id);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX sessions_by_last_seen ON sessions (last_seen_at);
