-- why: it is an SQLite database of another program
PRAGMA user_version = 7;
