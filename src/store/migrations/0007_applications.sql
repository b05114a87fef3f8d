-- Vitae schema 7: job applications and the history of their status.
--
-- Dates a member picks (saved, applied, next follow-up) are calendar days, kept as
-- 'YYYY-MM-DD' text; moments Vitae records (created_at, an event's at) are unix seconds.
-- cv_id is the CV sent, tailored_cv_id the copy made for this job; deleting either CV
-- leaves the application and clears the link.
--
-- Contacts are a JSON array of {name, email, phone, role} in one column rather than a
-- table: they are only ever read and written with their application (never searched across
-- applications), a handful at most, and a column keeps one application one row for the CSV
-- export and the API.
CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    company TEXT NOT NULL,
    role TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    job_url TEXT NOT NULL DEFAULT '',
    salary TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'saved' CHECK (status IN ('saved', 'applied', 'interviewing',
                                                          'offer', 'accepted', 'rejected',
                                                          'withdrawn')),
    saved_on TEXT CHECK (saved_on IS NULL OR date(saved_on) IS saved_on),
    applied_on TEXT CHECK (applied_on IS NULL OR date(applied_on) IS applied_on),
    follow_up_on TEXT CHECK (follow_up_on IS NULL OR date(follow_up_on) IS follow_up_on),
    contacts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(contacts)),
    notes TEXT NOT NULL DEFAULT '',
    job_description TEXT NOT NULL DEFAULT '',
    cv_id INTEGER REFERENCES cvs (id) ON DELETE SET NULL,
    tailored_cv_id INTEGER REFERENCES cvs (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX applications_by_user ON applications (user_id, status);
CREATE INDEX applications_by_follow_up ON applications (user_id, follow_up_on);
-- ON DELETE SET NULL looks the referring rows up by these.
CREATE INDEX applications_by_cv ON applications (cv_id);
CREATE INDEX applications_by_tailored_cv ON applications (tailored_cv_id);

-- One row per status an application entered, the first when it was created.
CREATE TABLE application_events (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('saved', 'applied', 'interviewing', 'offer',
                                           'accepted', 'rejected', 'withdrawn')),
    at INTEGER NOT NULL,
    note TEXT
) STRICT;
CREATE INDEX application_events_by_application ON application_events (application_id, at);
