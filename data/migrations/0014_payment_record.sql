-- How each customer has paid, kept up to date by triggers in the same statement as every
-- allocation (and its removal), so that the worklist and the Collections screen rank
-- customers without joining every allocation to its invoice: the money applied to their
-- invoices, that money weighted by the days from the invoice's due date to the payment
-- (negative: early), and the part paid by the due date. A day in the past is the totals
-- minus the allocations dated after it (allocations_date). `check` compares these figures
-- with the allocations.
CREATE TABLE payment_record (
    customer_id   INTEGER PRIMARY KEY REFERENCES customers(id),
    paid          INTEGER NOT NULL,
    weighted_days INTEGER NOT NULL,
    on_time       INTEGER NOT NULL
);

INSERT INTO payment_record(customer_id, paid, weighted_days, on_time)
SELECT i.customer_id, sum(a.amount), sum(a.amount * max(-3650, min(3650, CAST(julianday(a.date) - julianday(i.due_date) AS INTEGER)))),
       sum(CASE WHEN a.date <= i.due_date THEN a.amount ELSE 0 END)
  FROM allocations a JOIN invoices i ON i.id = a.invoice_id GROUP BY i.customer_id;

CREATE TRIGGER payment_record_add AFTER INSERT ON allocations
BEGIN
    INSERT INTO payment_record(customer_id, paid, weighted_days, on_time)
    SELECT i.customer_id, NEW.amount, NEW.amount * max(-3650, min(3650, CAST(julianday(NEW.date) - julianday(i.due_date) AS INTEGER))),
           CASE WHEN NEW.date <= i.due_date THEN NEW.amount ELSE 0 END
      FROM invoices i WHERE i.id = NEW.invoice_id
    ON CONFLICT(customer_id) DO UPDATE SET paid = paid + excluded.paid,
        weighted_days = weighted_days + excluded.weighted_days, on_time = on_time + excluded.on_time;
END;

CREATE TRIGGER payment_record_remove AFTER DELETE ON allocations
BEGIN
    UPDATE payment_record SET paid = paid - OLD.amount,
        weighted_days = weighted_days - OLD.amount * max(-3650, min(3650, CAST(julianday(OLD.date) - julianday(
            (SELECT due_date FROM invoices WHERE id = OLD.invoice_id)) AS INTEGER))),
        on_time = on_time - CASE WHEN OLD.date <= (SELECT due_date FROM invoices WHERE id = OLD.invoice_id) THEN OLD.amount ELSE 0 END
     WHERE customer_id = (SELECT customer_id FROM invoices WHERE id = OLD.invoice_id);
END;
