-- Indexes in the order listings are served, so that a page of events (or quotes) is read off
-- an index and stops after LIMIT rows, instead of sorting every matching row first.
-- Events are listed by coalesce(date, published) DESC, doc_id, idx (fact-queries.ts): the
-- expression is spelled exactly as the queries spell it, or SQLite will not use the index.
-- SQLite sorts NULL below every value, so DESC puts undated rows last without an `IS NULL` term.
-- Each filter that narrows a listing a lot gets the sort key after its column(s); the two-column
-- indexes of step 3 that these extend are dropped (the new ones serve every query they did).

CREATE INDEX events_when ON events (coalesce(date, published) DESC, doc_id, idx);
-- Dyads (one direction per index range; the query unions the two directions) and source+target.
CREATE INDEX events_dyad_when ON events (source_country, target_country, coalesce(date, published) DESC, doc_id, idx);
CREATE INDEX events_source_when ON events (source_country, coalesce(date, published) DESC, doc_id, idx);
CREATE INDEX events_target_when ON events (target_country, coalesce(date, published) DESC, doc_id, idx);
CREATE INDEX events_source_actor_when ON events (source_actor_id, coalesce(date, published) DESC, doc_id, idx);
CREATE INDEX events_target_actor_when ON events (target_actor_id, coalesce(date, published) DESC, doc_id, idx);
CREATE INDEX events_root_when ON events (root, coalesce(date, published) DESC, doc_id, idx);
CREATE INDEX events_quad_when ON events (quad_class, coalesce(date, published) DESC, doc_id, idx);
-- Also serves outlet profiles' count per outlet (a covering scan).
CREATE INDEX events_outlet_when ON events (outlet, coalesce(date, published) DESC, doc_id, idx);

DROP INDEX events_dyad;
DROP INDEX events_target;
DROP INDEX events_source_actor;
DROP INDEX events_target_actor;
DROP INDEX events_root;
DROP INDEX events_quad_class;
DROP INDEX events_outlet;
-- A handful of values: reading the listing index in order and skipping non-matching rows beats
-- fetching a large share of the table through this one and sorting it.
DROP INDEX events_modality;

-- Quotes are listed by published DESC, doc_id, idx.
CREATE INDEX quotes_when ON quotes (published DESC, doc_id, idx);
CREATE INDEX quotes_speaker_when ON quotes (speaker_actor_id, published DESC, doc_id, idx);
CREATE INDEX quotes_country_when ON quotes (speaker_country, published DESC, doc_id, idx);
DROP INDEX quotes_published;
DROP INDEX quotes_speaker_actor;
DROP INDEX quotes_speaker_country;
