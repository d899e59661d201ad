-- Collections follow-up: contact log, promises to pay, disputes, late-payment reasons and
-- the reminder log (one row per invoice and step: a step is never sent twice).

CREATE TABLE activities (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customers(id),
    invoice_id     INTEGER REFERENCES invoices(id),
    kind           TEXT NOT NULL CHECK (kind IN ('email','call','letter','note','reminder')),
    date           TEXT NOT NULL,
    outcome        TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    next_follow_up TEXT,
    created        TEXT NOT NULL
);
CREATE INDEX activities_customer ON activities(customer_id, date);
CREATE INDEX activities_follow_up ON activities(next_follow_up) WHERE next_follow_up IS NOT NULL;

CREATE TABLE promises (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers(id),
    invoice_id    INTEGER REFERENCES invoices(id),
    made_on       TEXT NOT NULL,
    promised_date TEXT NOT NULL,
    amount        INTEGER NOT NULL CHECK (amount > 0),
    status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','kept','broken')),
    settled_on    TEXT,
    note          TEXT NOT NULL DEFAULT '',
    created       TEXT NOT NULL,
    CHECK (promised_date >= made_on)
);
CREATE INDEX promises_customer ON promises(customer_id, status);

CREATE TABLE disputes (
    id          INTEGER PRIMARY KEY,
    invoice_id  INTEGER NOT NULL REFERENCES invoices(id),
    reason      TEXT NOT NULL CHECK (trim(reason) <> ''),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
    opened      TEXT NOT NULL,
    resolved    TEXT,
    resolution  TEXT NOT NULL DEFAULT '',
    created     TEXT NOT NULL,
    CHECK (status = 'open' OR (resolved IS NOT NULL AND trim(resolution) <> ''))
);
CREATE UNIQUE INDEX disputes_one_open ON disputes(invoice_id) WHERE status = 'open';

CREATE TABLE late_reasons (
    invoice_id INTEGER PRIMARY KEY REFERENCES invoices(id),
    code       TEXT NOT NULL CHECK (code IN ('cash_flow','dispute','lost_invoice','wrong_address','forgot','other')),
    note       TEXT NOT NULL DEFAULT '',
    recorded   TEXT NOT NULL
);

CREATE TABLE reminders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    invoice_id  INTEGER NOT NULL REFERENCES invoices(id),
    step        INTEGER NOT NULL,          -- days relative to the due date (-7, 3, 14, ...)
    step_name   TEXT NOT NULL,
    date        TEXT NOT NULL,
    channel     TEXT NOT NULL,
    created     TEXT NOT NULL,
    UNIQUE (invoice_id, step)
);
CREATE INDEX reminders_customer ON reminders(customer_id, date);
