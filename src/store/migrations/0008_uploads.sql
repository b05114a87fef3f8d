-- Vitae schema 8: the original files of CV imports.
--
-- The bytes live in the data folder, named by their SHA-256 (uploads/<first 2 hex>/<hex>),
-- never by the name the browser sent: one copy per content however often it is uploaded.
-- original_name is shown to its owner and used as a download name, never as a path. A
-- row with cv_id NULL is a draft not (or no longer) saved as a CV; the housekeeping task
-- deletes such rows after a day, and a file once no row names its hash.
CREATE TABLE uploads (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    media_type TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('pdf', 'docx', 'json', 'text')),
    original_name TEXT NOT NULL DEFAULT '',
    cv_id INTEGER REFERENCES cvs (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX uploads_by_user ON uploads (user_id, created_at);
CREATE INDEX uploads_by_sha256 ON uploads (sha256);  -- is a file still named by a row?
CREATE INDEX uploads_by_cv ON uploads (cv_id);  -- ON DELETE SET NULL looks rows up
