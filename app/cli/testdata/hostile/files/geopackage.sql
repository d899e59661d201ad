-- why: it is the database of another program (SQLite application id 0x47504B47)
PRAGMA application_id = 1196444487;
CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY);
