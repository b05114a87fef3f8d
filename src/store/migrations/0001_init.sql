-- Vitae schema 1. Never edit a released migration; add the next numbered file instead.

-- Internal runtime markers, e.g. the readiness probe's write check.
CREATE TABLE app_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL  -- unix seconds, UTC
) STRICT;
