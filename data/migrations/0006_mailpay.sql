-- Payment mail read from the owner's mailbox: where each folder's fetch stopped, and every
-- message seen with what was proposed and done. A message is stored once (mailbox,
-- UIDVALIDITY, UID); a trusted provider transaction is stored once; a mail payment is
-- recorded once (payment_id unique).
CREATE TABLE mail_state (
    folder      TEXT PRIMARY KEY,
    uidvalidity INTEGER NOT NULL,
    last_uid    INTEGER NOT NULL
);

CREATE TABLE mail_payments (
    id             INTEGER PRIMARY KEY,
    mailbox        TEXT NOT NULL,
    uidvalidity    INTEGER NOT NULL,
    uid            INTEGER NOT NULL,
    message_id     TEXT NOT NULL DEFAULT '',
    provider       TEXT NOT NULL,
    kind           TEXT NOT NULL,
    trusted        INTEGER NOT NULL CHECK (trusted IN (0,1)),
    transaction_id TEXT NOT NULL DEFAULT '',
    amount         INTEGER NOT NULL DEFAULT 0,
    currency       TEXT NOT NULL DEFAULT '',
    payer_name     TEXT NOT NULL DEFAULT '',
    payer_email    TEXT NOT NULL DEFAULT '',
    reference      TEXT NOT NULL DEFAULT '',
    date           TEXT,
    why            TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','proposed','applied','rejected','ignored')),
    customer_id    INTEGER REFERENCES customers(id),
    proposal       TEXT NOT NULL DEFAULT '',   -- JSON allocations
    confidence     INTEGER NOT NULL DEFAULT 0,
    reason         TEXT NOT NULL DEFAULT '',
    payment_id     INTEGER REFERENCES payments(id),
    created        TEXT NOT NULL,
    UNIQUE (mailbox, uidvalidity, uid),
    CHECK (status <> 'applied' OR payment_id IS NOT NULL)
);
CREATE UNIQUE INDEX mail_payments_txn ON mail_payments(provider, transaction_id) WHERE transaction_id <> '' AND trusted = 1;
CREATE UNIQUE INDEX mail_payments_payment ON mail_payments(payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX mail_payments_status ON mail_payments(status);
