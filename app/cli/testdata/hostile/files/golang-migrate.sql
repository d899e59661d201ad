-- why: it is an SQLite database of another program
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
INSERT INTO schema_migrations VALUES (1, '0001_init.up.sql', '2024-01-01');
