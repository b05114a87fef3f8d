-- Vitae schema 4: two-factor enrolments that have been started but not yet confirmed.
--
-- A separate table, not users.totp_secret: a non-NULL users.totp_secret means "two-factor
-- is on and sign-in asks for a code", so a secret must not reach it before the user has
-- proved, with a code, that their authenticator holds it. Not the settings table either:
-- that holds admin settings, and a row here must go when its user does (ON DELETE CASCADE).
-- The secret is kept as base32, like users.totp_secret, because checking a code needs the
-- secret itself; a hash would be useless. Rows older than SecondFactor's enrolment window
-- are ignored and replaced by the next start.
CREATE TABLE totp_enrolments (
    user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret TEXT NOT NULL,                 -- base32, never shown after the enrolment page
    created_at INTEGER NOT NULL
) STRICT;
