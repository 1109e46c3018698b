-- Documents, their versions, and the standoff layers of each version.
-- A document is keyed by its stable id; each distinct content hash under it is one version.

CREATE TABLE documents (
  id TEXT PRIMARY KEY CHECK (length(id) > 0),
  -- Where the document was first read from (path, URL, file#line).
  source_uri TEXT,
  -- ISO 8601 UTC of the first version.
  first_seen TEXT NOT NULL,
  -- The version reads return by default. NULL only inside the transaction that creates the row.
  latest_version_id INTEGER REFERENCES versions(id)
);

CREATE TABLE versions (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  -- 1, 2, ... per document.
  version INTEGER NOT NULL CHECK (version >= 1),
  -- SHA-256 hex of the raw input (or of the text when the input gave none).
  content_hash TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  text TEXT NOT NULL,
  -- text.length in UTF-16 code units (SQL length() counts code points).
  text_length INTEGER NOT NULL,
  -- Copies of meta fields, for filtering and listing; meta_json is the source of truth.
  title TEXT,
  published TEXT,
  published_at TEXT,
  author TEXT,
  outlet TEXT,
  url TEXT,
  canonical_url TEXT,
  language TEXT,
  source_uri TEXT,
  format TEXT,
  encoding TEXT,
  meta_json TEXT NOT NULL,
  removed_json TEXT,
  offsets_json TEXT,
  diagnostics_json TEXT NOT NULL,
  UNIQUE (doc_id, version),
  UNIQUE (doc_id, content_hash)
);

CREATE INDEX versions_content_hash ON versions (content_hash);
CREATE INDEX versions_published ON versions (published);
CREATE INDEX versions_outlet ON versions (outlet);

-- One JSON array per layer name per version.
CREATE TABLE layers (
  version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (version_id, name)
);
