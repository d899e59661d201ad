-- why: it is an SQLite database of another program
CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT);
INSERT INTO contacts(name) VALUES ('Someone else''s data');
