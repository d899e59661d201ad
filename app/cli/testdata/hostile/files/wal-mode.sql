-- why: it is an SQLite database of another program
PRAGMA journal_mode = WAL;
CREATE TABLE t (x);
INSERT INTO t VALUES (1);
