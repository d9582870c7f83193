-- Notifications (issue #12): the in-app list, the e-mail outbox with its attempt log, e-mail
-- preferences, and the reminders already sent. Notifications and outbox rows are written in
-- the same transaction as the change that causes them, so a rolled-back change sends nothing
-- and a committed one is never lost.
-- Keep in step with ../postgres/0010_notifications.sql.

-- The language a person last used, so e-mails reach them in it.
ALTER TABLE users ADD COLUMN lang TEXT NOT NULL DEFAULT 'ko' CHECK (lang IN ('ko', 'en'));

-- What the bell lists. The text is drawn from the kind in the reader's language.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    reference TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    read_at INTEGER
);
CREATE INDEX notifications_user ON notifications (user_id, read_at, id);

-- E-mails to send. `pending` rows are claimed by a sender with a lease (an instance that
-- dies mid-batch loses its lease and another takes the rows over); `sent` and `dead` are
-- final. A row keeps what the message is about (kind, incident, detail, the recipient's name
-- and language); its words are composed from them when it is sent or read, by the same code.
-- The link of an invitation or password reset is the one secret here: it is blanked once the
-- message has been handed to the SMTP server.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES users (id),
    to_address TEXT NOT NULL,
    display_name TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('ko', 'en')),
    kind TEXT NOT NULL,
    reference TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dead')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_owner TEXT,
    lease_until INTEGER,
    sent_at INTEGER,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at, id);

-- Each try to hand a message to the SMTP server, and what it answered.
CREATE TABLE outbox_attempts (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES outbox (id),
    at INTEGER NOT NULL,
    sender TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'retry', 'dead')),
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_attempts_message ON outbox_attempts (message_id);

-- E-mails a person does not want (in-app notifications are always on).
CREATE TABLE notification_optouts (
    user_id INTEGER NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- One row per reminder sent (clock or request or measure, and threshold), so a reminder goes
-- out once however often the job runs and however many instances run it.
CREATE TABLE reminders_sent (
    reminder_key TEXT PRIMARY KEY,
    sent_at INTEGER NOT NULL
);
