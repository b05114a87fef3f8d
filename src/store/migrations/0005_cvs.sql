-- Vitae schema 5: CVs and their versions.
--
-- body holds a JSON Resume document as text, exactly as the member saved it: fields Vitae
-- does not know are kept. Every save also appends a row to cv_versions (numbered from 1
-- per CV); old versions are pruned to CV_VERSIONS_KEEP. A duplicate remembers the CV it
-- was copied from in parent_id, which becomes NULL when that CV is deleted.
CREATE TABLE cvs (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    template TEXT NOT NULL DEFAULT 'classic' CHECK (template IN ('classic', 'modern', 'ats')),
    language TEXT NOT NULL DEFAULT 'en',
    parent_id INTEGER REFERENCES cvs (id) ON DELETE SET NULL,
    body TEXT NOT NULL CHECK (json_valid(body)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX cvs_by_user ON cvs (user_id, updated_at);
CREATE INDEX cvs_by_parent ON cvs (parent_id);  -- ON DELETE SET NULL looks children up

CREATE TABLE cv_versions (
    id INTEGER PRIMARY KEY,
    cv_id INTEGER NOT NULL REFERENCES cvs (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL CHECK (json_valid(body)),
    created_at INTEGER NOT NULL,
    UNIQUE (cv_id, number)
) STRICT;
