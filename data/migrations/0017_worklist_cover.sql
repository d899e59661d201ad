-- The reads of the collections worklist answered from indexes alone (issue 14):
--
-- invoices_owed holds every open posted invoice by customer with what a reminder lists and
-- what decides whether one is due (due and issue date, open amount, currency, number), so
-- that the worklist's walk over the open invoices never visits the invoices table (at a
-- million invoices that walk was 84k lookups scattered over the whole table). It is partial:
-- only the open invoices are in it, so it stays small (5 MB at a million invoices). Status
-- is in it so that SQLite sees the index as covering.
CREATE INDEX invoices_owed ON invoices(customer_id, due_date, issue_date, open_amount, currency, number, status)
    WHERE status = 'posted' AND open_amount > 0;

-- payments_credit also holds the unallocated amount, so that each customer's credit (the
-- pay records the worklist ranks by, a customer's balance) is summed from the index alone.
-- Its leading column and condition are as before, so every plan that used it still does.
DROP INDEX payments_credit;
CREATE INDEX payments_credit ON payments(customer_id, unallocated) WHERE unallocated > 0;
