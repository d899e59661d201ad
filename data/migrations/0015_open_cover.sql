-- The open-invoice index also holds the issue date, the total and the status, so that the
-- reads that walk every open invoice never visit the invoices table: Aging (as of today or
-- a past day: invoices still open, issued by that day), the check's "open balance above its
-- total" and "part paid with nothing to account for it" invariants that run as a file
-- opens. Its leading columns are as before, so every plan that used it still does.
-- (issue 14: at a million invoices the invariants 0.81 s -> 0.34 s, as-of aging 1.4 s ->
-- 1.2 s CPU; EXPLAIN QUERY PLAN: SEARCH i USING COVERING INDEX invoices_open.)
DROP INDEX invoices_open;
CREATE INDEX invoices_open ON invoices(currency, customer_id, due_date, open_amount, issue_date, total, status)
    WHERE status = 'posted' AND open_amount > 0;
