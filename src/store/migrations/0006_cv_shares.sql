-- Vitae schema 6: read-only share links to CVs, and the grants that remember a visitor
-- who typed a link's password.
--
-- Like sessions and API tokens, a link's secret is never stored, only its SHA-256: a copy
-- of the database opens no shared CV, and the full link is shown once, when it is made.
-- A link is withdrawn by setting revoked_at; expired and revoked rows stay so the owner
-- sees their history (views, when it ended). Deleting the CV deletes its links.
CREATE TABLE cv_shares (
    id INTEGER PRIMARY KEY,
    cv_id INTEGER NOT NULL REFERENCES cvs (id) ON DELETE CASCADE,
    name TEXT NOT NULL DEFAULT '',        -- the owner's note of whom it is for
    token_hash TEXT NOT NULL UNIQUE,      -- SHA-256 hex of the token in /s/{token}
    password_hash TEXT,                   -- Argon2id PHC string; NULL: no password
    created_at INTEGER NOT NULL,
    expires_at INTEGER,                   -- NULL: never
    revoked_at INTEGER,
    view_count INTEGER NOT NULL DEFAULT 0,
    last_viewed_at INTEGER
) STRICT;
CREATE INDEX cv_shares_by_cv ON cv_shares (cv_id);

-- A visitor who typed the right password gets a random grant in a cookie scoped to the
-- link's path; only its SHA-256 is kept here, tied to that one link, for a few hours.
CREATE TABLE cv_share_grants (
    grant_hash TEXT PRIMARY KEY,
    share_id INTEGER NOT NULL REFERENCES cv_shares (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX cv_share_grants_by_share ON cv_share_grants (share_id);
