-- Mail read from files (.eml, .mbox) as well as over IMAP: a message is stored once per
-- identity, whichever way it came, so a payment read from an exported file and later fetched
-- over IMAP (or read from two folders, or two exports) is recorded once.
--   ident     the Message-ID, or "sha256:" and a hash of the message's content when it has
--             none; '' only for messages stored before this migration that repeat an
--             earlier message's Message-ID (kept, but they block nothing).
--   authserv  the receiving server (authserv-id) whose Authentication-Results the trust
--             decision used; '' = none was set, and such a message is never applied
--             without the user, even if it was marked trusted by an older Duebook.
ALTER TABLE mail_payments ADD COLUMN ident TEXT NOT NULL DEFAULT '';
ALTER TABLE mail_payments ADD COLUMN authserv TEXT NOT NULL DEFAULT '';
UPDATE mail_payments SET ident = message_id
 WHERE message_id <> ''
   AND id = (SELECT min(m2.id) FROM mail_payments m2 WHERE m2.message_id = mail_payments.message_id);
CREATE UNIQUE INDEX mail_payments_ident ON mail_payments(ident) WHERE ident <> '';
