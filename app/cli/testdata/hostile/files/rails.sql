-- why: it is an SQLite database of another program
CREATE TABLE schema_migrations (version varchar NOT NULL PRIMARY KEY);
INSERT INTO schema_migrations VALUES ('20240101120000');
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);
