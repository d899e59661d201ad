-- Reading a company as of a past day starts from the allocations, credit notes and
-- write-offs dated after that day. Their date indexes now also hold the invoice and the
-- amount, so that read never visits the tables themselves (as-of aging, statements and the
-- payment record as of a day; EXPLAIN QUERY PLAN: SEARCH ... USING COVERING INDEX
-- allocations_date (date>?)). The names and leading column are as before, so every plan
-- that used them still does.
--
-- invoices_currency answers "which currencies have invoices issued by this day" from a few
-- index seeks instead of reading every invoice (the note under a one-currency report).
--
-- The monthly figures sum each month's invoices and payments by date: invoices_issue also
-- holds the currency, status, total and void date, and payments_date is new, so a month is
-- read from an index range instead of the invoices table or every payment.
-- (issue 14, at a million invoices: as-of aging 1.15 -> 0.5 s CPU, InvoiceCurrencies
-- 0.34 s -> a few index seeks, the monthly report 9.2 -> ... s CPU.)
DROP INDEX allocations_date;
CREATE INDEX allocations_date ON allocations(date, invoice_id, amount);
DROP INDEX credit_notes_date;
CREATE INDEX credit_notes_date ON credit_notes(date, invoice_id, amount);
DROP INDEX write_offs_date;
CREATE INDEX write_offs_date ON write_offs(date, invoice_id, amount);
CREATE INDEX invoices_currency ON invoices(currency, issue_date) WHERE status <> 'draft';
DROP INDEX invoices_issue;
CREATE INDEX invoices_issue ON invoices(issue_date, currency, status, total, void_date);
CREATE INDEX payments_date ON payments(date, currency, amount);
