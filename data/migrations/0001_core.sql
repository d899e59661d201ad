-- Duebook core ledger: customers, invoices, payments, allocations, credit notes,
-- write-offs and the append-only audit log. Open balances are maintained by triggers in
-- the same statement as every allocation/credit/write-off, and CHECK constraints make any
-- change that would break an invariant fail (and roll back the whole transaction).

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE customers (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL CHECK (trim(name) <> ''),
    contact       TEXT NOT NULL DEFAULT '',
    emails        TEXT NOT NULL DEFAULT '',   -- one address per line
    phone         TEXT NOT NULL DEFAULT '',
    address1      TEXT NOT NULL DEFAULT '',
    address2      TEXT NOT NULL DEFAULT '',
    city          TEXT NOT NULL DEFAULT '',
    region        TEXT NOT NULL DEFAULT '',
    postal_code   TEXT NOT NULL DEFAULT '',
    country       TEXT NOT NULL DEFAULT '',
    terms_days    INTEGER NOT NULL DEFAULT 30 CHECK (terms_days BETWEEN 0 AND 365),
    credit_limit  INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
    currency      TEXT NOT NULL CHECK (length(currency) = 3),
    channel       TEXT NOT NULL DEFAULT 'email' CHECK (channel IN ('email','mail','phone')),
    last_reviewed TEXT,
    credit_hold   INTEGER NOT NULL DEFAULT 0 CHECK (credit_hold IN (0,1)),
    notes         TEXT NOT NULL DEFAULT '',
    created       TEXT NOT NULL
);
CREATE INDEX customers_name ON customers(name COLLATE NOCASE);

CREATE TABLE invoices (
    id           INTEGER PRIMARY KEY,
    number       TEXT UNIQUE,                 -- NULL while draft
    seq          INTEGER UNIQUE,              -- gapless sequence behind the number
    customer_id  INTEGER NOT NULL REFERENCES customers(id),
    currency     TEXT NOT NULL CHECK (length(currency) = 3),
    issue_date   TEXT NOT NULL,
    due_date     TEXT NOT NULL,
    po_number    TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','posted','void')),
    subtotal     INTEGER NOT NULL DEFAULT 0,
    tax_total    INTEGER NOT NULL DEFAULT 0,
    total        INTEGER NOT NULL DEFAULT 0 CHECK (total >= 0),
    open_amount  INTEGER NOT NULL DEFAULT 0 CHECK (open_amount >= 0 AND open_amount <= total),
    sent_date    TEXT,
    notes        TEXT NOT NULL DEFAULT '',
    void_reason  TEXT NOT NULL DEFAULT '',
    void_date    TEXT,
    created      TEXT NOT NULL,
    posted_at    TEXT,
    CHECK (due_date >= issue_date),
    CHECK (status = 'draft' OR number IS NOT NULL),
    CHECK (status = 'posted' OR open_amount = 0),
    CHECK (status <> 'void' OR void_reason <> '')
);
CREATE INDEX invoices_customer ON invoices(customer_id, issue_date);
CREATE INDEX invoices_issue ON invoices(issue_date);
CREATE INDEX invoices_due ON invoices(due_date);
CREATE INDEX invoices_open ON invoices(currency, customer_id, due_date, open_amount) WHERE status = 'posted' AND open_amount > 0;

CREATE TABLE invoice_lines (
    id          INTEGER PRIMARY KEY,
    invoice_id  INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
    pos         INTEGER NOT NULL,
    description TEXT NOT NULL CHECK (trim(description) <> ''),
    qty_milli   INTEGER NOT NULL CHECK (qty_milli > 0),
    unit_price  INTEGER NOT NULL,
    tax_rate_bp INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate_bp BETWEEN 0 AND 10000),
    net         INTEGER NOT NULL,
    tax         INTEGER NOT NULL,
    UNIQUE (invoice_id, pos)
);

CREATE TABLE payments (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    date        TEXT NOT NULL,
    method      TEXT NOT NULL,
    reference   TEXT NOT NULL DEFAULT '',
    amount      INTEGER NOT NULL CHECK (amount > 0),
    currency    TEXT NOT NULL CHECK (length(currency) = 3),
    unallocated INTEGER NOT NULL CHECK (unallocated >= 0 AND unallocated <= amount),
    notes       TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT 'manual',
    created     TEXT NOT NULL
);
CREATE INDEX payments_customer ON payments(customer_id, date);
CREATE INDEX payments_credit ON payments(customer_id) WHERE unallocated > 0;

CREATE TABLE allocations (
    id         INTEGER PRIMARY KEY,
    payment_id INTEGER NOT NULL REFERENCES payments(id),
    invoice_id INTEGER NOT NULL REFERENCES invoices(id),
    amount     INTEGER NOT NULL CHECK (amount > 0),
    date       TEXT NOT NULL,
    created    TEXT NOT NULL
);
CREATE INDEX allocations_payment ON allocations(payment_id);
CREATE INDEX allocations_invoice ON allocations(invoice_id);

CREATE TABLE credit_notes (
    id          INTEGER PRIMARY KEY,
    number      TEXT NOT NULL UNIQUE,
    seq         INTEGER NOT NULL UNIQUE,
    invoice_id  INTEGER NOT NULL REFERENCES invoices(id),
    date        TEXT NOT NULL,
    amount      INTEGER NOT NULL CHECK (amount > 0),
    reason      TEXT NOT NULL CHECK (trim(reason) <> ''),
    created     TEXT NOT NULL
);
CREATE INDEX credit_notes_invoice ON credit_notes(invoice_id);

CREATE TABLE write_offs (
    id          INTEGER PRIMARY KEY,
    invoice_id  INTEGER NOT NULL REFERENCES invoices(id),
    date        TEXT NOT NULL,
    amount      INTEGER NOT NULL CHECK (amount > 0),
    reason      TEXT NOT NULL CHECK (trim(reason) <> ''),
    created     TEXT NOT NULL
);
CREATE INDEX write_offs_invoice ON write_offs(invoice_id);

CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    before    TEXT NOT NULL DEFAULT '',
    after     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_entity ON audit(entity, entity_id);

-- The audit log is append-only.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

-- A posted or void invoice is never edited in place.
CREATE TRIGGER invoice_posted_immutable BEFORE UPDATE ON invoices
WHEN OLD.status <> 'draft' AND (
       NEW.number IS NOT OLD.number OR NEW.seq IS NOT OLD.seq
    OR NEW.customer_id <> OLD.customer_id OR NEW.currency <> OLD.currency
    OR NEW.issue_date <> OLD.issue_date OR NEW.due_date <> OLD.due_date
    OR NEW.po_number <> OLD.po_number OR NEW.subtotal <> OLD.subtotal
    OR NEW.tax_total <> OLD.tax_total OR NEW.total <> OLD.total
    OR NEW.status = 'draft' OR (OLD.status = 'void' AND NEW.status <> 'void'))
BEGIN SELECT RAISE(ABORT, 'invoice: a posted invoice cannot be changed; void it or issue a credit note'); END;

CREATE TRIGGER invoice_posted_no_delete BEFORE DELETE ON invoices
WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'invoice: a posted invoice cannot be deleted; void it instead'); END;

CREATE TRIGGER invoice_lines_ins BEFORE INSERT ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'invoice: lines of a posted invoice cannot be changed'); END;
CREATE TRIGGER invoice_lines_upd BEFORE UPDATE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'invoice: lines of a posted invoice cannot be changed'); END;
CREATE TRIGGER invoice_lines_del BEFORE DELETE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'invoice: lines of a posted invoice cannot be changed'); END;

-- Payments: amount, customer and currency are fixed once recorded.
CREATE TRIGGER payment_immutable BEFORE UPDATE ON payments
WHEN NEW.amount <> OLD.amount OR NEW.customer_id <> OLD.customer_id OR NEW.currency <> OLD.currency
BEGIN SELECT RAISE(ABORT, 'payment: amount, customer and currency cannot be changed'); END;

-- Allocations move money from a payment to an invoice of the same customer and currency.
CREATE TRIGGER allocation_check BEFORE INSERT ON allocations
BEGIN
    SELECT RAISE(ABORT, 'allocation: invoice is not posted')
     WHERE (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'posted';
    SELECT RAISE(ABORT, 'allocation: payment and invoice belong to different customers')
     WHERE (SELECT customer_id FROM payments WHERE id = NEW.payment_id)
        IS NOT (SELECT customer_id FROM invoices WHERE id = NEW.invoice_id);
    SELECT RAISE(ABORT, 'allocation: payment and invoice are in different currencies')
     WHERE (SELECT currency FROM payments WHERE id = NEW.payment_id)
        IS NOT (SELECT currency FROM invoices WHERE id = NEW.invoice_id);
    SELECT RAISE(ABORT, 'allocation: amount exceeds what is left of the payment')
     WHERE NEW.amount > (SELECT unallocated FROM payments WHERE id = NEW.payment_id);
    SELECT RAISE(ABORT, 'allocation: amount exceeds the open balance of the invoice')
     WHERE NEW.amount > (SELECT open_amount FROM invoices WHERE id = NEW.invoice_id);
END;
CREATE TRIGGER allocation_apply AFTER INSERT ON allocations
BEGIN
    UPDATE payments SET unallocated = unallocated - NEW.amount WHERE id = NEW.payment_id;
    UPDATE invoices SET open_amount = open_amount - NEW.amount WHERE id = NEW.invoice_id;
END;
CREATE TRIGGER allocation_no_update BEFORE UPDATE ON allocations
BEGIN SELECT RAISE(ABORT, 'allocation: cannot be changed; remove it and allocate again'); END;
CREATE TRIGGER allocation_remove AFTER DELETE ON allocations
BEGIN
    UPDATE payments SET unallocated = unallocated + OLD.amount WHERE id = OLD.payment_id;
    UPDATE invoices SET open_amount = open_amount + OLD.amount
     WHERE id = OLD.invoice_id AND status = 'posted';
END;

CREATE TRIGGER credit_note_check BEFORE INSERT ON credit_notes
BEGIN
    SELECT RAISE(ABORT, 'credit note: invoice is not posted')
     WHERE (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'posted';
    SELECT RAISE(ABORT, 'credit note: amount exceeds the open balance of the invoice')
     WHERE NEW.amount > (SELECT open_amount FROM invoices WHERE id = NEW.invoice_id);
END;
CREATE TRIGGER credit_note_apply AFTER INSERT ON credit_notes
BEGIN UPDATE invoices SET open_amount = open_amount - NEW.amount WHERE id = NEW.invoice_id; END;
CREATE TRIGGER credit_note_no_update BEFORE UPDATE ON credit_notes
BEGIN SELECT RAISE(ABORT, 'credit note: cannot be changed'); END;
CREATE TRIGGER credit_note_no_delete BEFORE DELETE ON credit_notes
BEGIN SELECT RAISE(ABORT, 'credit note: cannot be deleted'); END;

CREATE TRIGGER write_off_check BEFORE INSERT ON write_offs
BEGIN
    SELECT RAISE(ABORT, 'write-off: invoice is not posted')
     WHERE (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'posted';
    SELECT RAISE(ABORT, 'write-off: amount exceeds the open balance of the invoice')
     WHERE NEW.amount > (SELECT open_amount FROM invoices WHERE id = NEW.invoice_id);
END;
CREATE TRIGGER write_off_apply AFTER INSERT ON write_offs
BEGIN UPDATE invoices SET open_amount = open_amount - NEW.amount WHERE id = NEW.invoice_id; END;
CREATE TRIGGER write_off_no_update BEFORE UPDATE ON write_offs
BEGIN SELECT RAISE(ABORT, 'write-off: cannot be changed'); END;
CREATE TRIGGER write_off_no_delete BEFORE DELETE ON write_offs
BEGIN SELECT RAISE(ABORT, 'write-off: cannot be deleted'); END;

-- Indexes that let "as of" queries find the latest money event quickly.
CREATE INDEX allocations_date ON allocations(date);
CREATE INDEX credit_notes_date ON credit_notes(date);
CREATE INDEX write_offs_date ON write_offs(date);
CREATE INDEX invoices_void_date ON invoices(void_date) WHERE void_date IS NOT NULL;
