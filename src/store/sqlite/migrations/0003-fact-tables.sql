-- Facts of the LATEST version of each document, flattened from its mentions, events and quotes
-- layers (see ../../facts.ts) so that they can be filtered and counted. The layers stay the
-- source of truth: when a document gets a new version, its rows are deleted and rewritten in
-- the same transaction. Offsets are UTF-16 code units of that version's text, half-open;
-- sentence_start/sentence_end is the enclosing sentence (or run of sentences). "end" is quoted
-- because END is an SQL keyword.
-- The rows of documents stored before this step are written by the runner right after this
-- SQL, in the same transaction (migrate.ts: backfill of step 3).

-- Canonical actors, upserted from every mention, event side and quote speaker that names one.
CREATE TABLE actors (
  id TEXT PRIMARY KEY CHECK (length(id) > 0),
  name TEXT NOT NULL,
  -- ISO 3166-1 alpha-3.
  country TEXT,
  sector TEXT,
  -- CAMEO actor code.
  code TEXT
);

CREATE INDEX actors_country ON actors (country, sector);

CREATE TABLE mentions (
  version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  -- Position in the layer.
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  surface TEXT NOT NULL,
  type TEXT,
  actor_id TEXT,
  actor_name TEXT,
  country TEXT,
  sector TEXT,
  code TEXT,
  sentence_start INTEGER,
  sentence_end INTEGER
);

CREATE INDEX mentions_doc ON mentions (doc_id);
CREATE INDEX mentions_actor ON mentions (actor_id, doc_id);
CREATE INDEX mentions_country ON mentions (country);

CREATE TABLE events (
  version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  surface TEXT NOT NULL,
  sentence_start INTEGER,
  sentence_end INTEGER,
  source_country TEXT,
  source_code TEXT,
  source_actor_id TEXT,
  source_name TEXT,
  target_country TEXT,
  target_code TEXT,
  target_actor_id TEXT,
  target_name TEXT,
  cameo TEXT,
  root TEXT,
  -- 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
  quad_class INTEGER,
  goldstein REAL,
  modality TEXT,
  -- Event date read from the text (YYYY-MM-DD, YYYY-MM or YYYY); queries fall back on published.
  date TEXT,
  date_precision TEXT,
  date_source TEXT,
  plover_event TEXT,
  plover_mode TEXT,
  -- The coding rule (provenance).
  rule TEXT,
  -- Copies of the document's meta, for filters without a join.
  published TEXT,
  outlet TEXT
);

CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_dyad ON events (source_country, target_country, date);
CREATE INDEX events_target ON events (target_country, date);
CREATE INDEX events_source_actor ON events (source_actor_id);
CREATE INDEX events_target_actor ON events (target_actor_id);
CREATE INDEX events_cameo ON events (cameo);
CREATE INDEX events_root ON events (root);
CREATE INDEX events_quad_class ON events (quad_class);
CREATE INDEX events_modality ON events (modality);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_outlet ON events (outlet);

CREATE TABLE quotes (
  version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  -- The quote's content span (without the quote marks of a direct quote).
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  surface TEXT NOT NULL,
  sentence_start INTEGER,
  sentence_end INTEGER,
  -- "direct" or "indirect".
  kind TEXT,
  speaker_name TEXT,
  speaker_actor_id TEXT,
  speaker_country TEXT,
  -- The attribution cue as written ("said", "according to").
  cue TEXT,
  published TEXT,
  outlet TEXT
);

CREATE INDEX quotes_doc ON quotes (doc_id);
CREATE INDEX quotes_speaker_actor ON quotes (speaker_actor_id);
CREATE INDEX quotes_speaker_country ON quotes (speaker_country);
CREATE INDEX quotes_published ON quotes (published);
