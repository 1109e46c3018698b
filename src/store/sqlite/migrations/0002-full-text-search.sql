-- Full-text index over the title and text of every version. External content: the text is
-- read from `versions`, not copied; triggers keep the index in step with the table.

CREATE VIRTUAL TABLE docs_fts USING fts5 (
  title,
  text,
  content = 'versions',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER versions_fts_insert AFTER INSERT ON versions BEGIN
  INSERT INTO docs_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER versions_fts_delete AFTER DELETE ON versions BEGIN
  INSERT INTO docs_fts (docs_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER versions_fts_update AFTER UPDATE OF title, text ON versions BEGIN
  INSERT INTO docs_fts (docs_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO docs_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Index the versions stored before this migration.
INSERT INTO docs_fts (docs_fts) VALUES ('rebuild');
