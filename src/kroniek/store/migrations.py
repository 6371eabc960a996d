"""The store's schema as named migrations, applied in order and recorded in ``migrations``.

Never edit a released migration: add a new one. The name is the record of what was
applied, so a database says which schema it holds.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_documents_and_annotations", """
CREATE TABLE documents (
    n            INTEGER PRIMARY KEY,          -- stable rowid for the full-text index
    id           TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    date         TEXT NOT NULL,                -- as given: YYYY, YYYY-MM, YYYY-MM-DD or ISO time
    precision    TEXT NOT NULL,                -- year | month | day | time
    date_first   TEXT NOT NULL,                -- first and last day the date can mean,
    date_last    TEXT NOT NULL,                -- for period queries
    lang         TEXT NOT NULL,
    title        TEXT,
    source       TEXT,
    url          TEXT,
    text         TEXT NOT NULL,
    origin       TEXT,
    ingested_at  TEXT NOT NULL
);
CREATE INDEX documents_date ON documents(date_first, date_last);
CREATE INDEX documents_source ON documents(source);

CREATE TABLE entities (
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    actor_code TEXT,
    country    TEXT,
    sector     TEXT,
    role       TEXT,
    kb_id      TEXT,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX entities_kb ON entities(kb_id);
CREATE INDEX entities_country ON entities(country);

CREATE TABLE mentions (
    doc_id    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (doc_id, entity_id, start),
    FOREIGN KEY (doc_id, entity_id) REFERENCES entities(doc_id, id) ON DELETE CASCADE
);

CREATE TABLE times (
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id      TEXT NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    type    TEXT NOT NULL,
    value   TEXT,
    weekday INTEGER,
    mod     TEXT,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE events (
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id             TEXT NOT NULL,
    type           TEXT NOT NULL,
    mode           TEXT,
    source         TEXT,
    target         TEXT,
    location       TEXT,
    time           TEXT,
    date           TEXT,
    modality       TEXT NOT NULL,
    reported_by    TEXT,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    trigger_text   TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    confidence     REAL NOT NULL,
    PRIMARY KEY (doc_id, id)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date);

CREATE TABLE quotes (
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id      TEXT NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    speaker TEXT,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE rejects (
    n          INTEGER PRIMARY KEY,
    doc_id     TEXT,
    origin     TEXT,
    code       TEXT NOT NULL,
    message    TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX rejects_once ON rejects(coalesce(doc_id, ''), coalesce(origin, ''), code);
"""),
    ("0002_full_text_search", """
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='n',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.n, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.n, new.title, new.text);
END;
"""),
    # Queries (query.py) go from an actor's entities to its events: events are found by
    # (document, source entity) and (document, target entity), places by location, and
    # names typed by a user are compared with mention texts without regard to case.
    ("0003_query_indexes", """
CREATE INDEX events_source ON events(doc_id, source);
CREATE INDEX events_target ON events(doc_id, target);
CREATE INDEX events_location ON events(doc_id, location);
CREATE INDEX mentions_text ON mentions(text COLLATE NOCASE);
"""),
    # Which kroniek made a document's annotations (pipeline.annotator_id): ingesting
    # the same article with another version annotates it again. NULL: stored before
    # this was recorded, or loaded from elsewhere (Spark output).
    ("0004_document_annotator", """
ALTER TABLE documents ADD COLUMN annotator TEXT;
"""),
    # The chronicle across articles (kroniek.corpus): kept in step with the documents by
    # corpus.sync after each ingest or load; derived data, rebuilt from documents at will.
    ("0005_corpus", """
CREATE TABLE corpus_docs (
    doc_id  TEXT PRIMARY KEY,
    n       INTEGER NOT NULL,        -- documents.n when synced: a new n means new content
    rep     TEXT NOT NULL            -- the document that stands for its near-duplicate group
);
CREATE INDEX corpus_docs_rep ON corpus_docs(rep);

CREATE TABLE doc_bands (             -- MinHash LSH bands (corpus.fingerprint)
    doc_id TEXT NOT NULL,
    band   INTEGER NOT NULL,
    key    INTEGER NOT NULL,
    PRIMARY KEY (doc_id, band)
);
CREATE INDEX doc_bands_key ON doc_bands(band, key);

CREATE TABLE doc_links (             -- near duplicates, a < b
    a        TEXT NOT NULL,
    b        TEXT NOT NULL,
    jaccard  REAL NOT NULL,          -- of their word 3-shingle sets
    PRIMARY KEY (a, b)
);
CREATE INDEX doc_links_b ON doc_links(b);

CREATE TABLE event_keys (            -- each event mention's actor pair and type family
    doc_id   TEXT NOT NULL,
    event_id TEXT NOT NULL,
    pair     TEXT NOT NULL,
    family   TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_id)
);
CREATE INDEX event_keys_pair ON event_keys(pair);

CREATE TABLE merged_events (
    id             TEXT PRIMARY KEY,
    pair           TEXT NOT NULL,
    block          TEXT NOT NULL,
    type           TEXT NOT NULL,
    mode           TEXT,
    source         TEXT,             -- JSON of corpus.Side
    target         TEXT,
    location       TEXT,
    date           TEXT,
    first_day      TEXT NOT NULL,
    last_day       TEXT NOT NULL,
    dates          TEXT NOT NULL,    -- JSON [[value, reports], ...]
    status         TEXT NOT NULL,    -- JSON [[from, modality, reports], ...]
    outlets        TEXT NOT NULL,    -- JSON [outlet, ...]
    first_reported TEXT NOT NULL,
    last_reported  TEXT NOT NULL,
    reports        INTEGER NOT NULL,
    documents      INTEGER NOT NULL,
    story          TEXT
);
CREATE INDEX merged_events_pair ON merged_events(pair);
CREATE INDEX merged_events_day ON merged_events(first_day, last_day);
CREATE INDEX merged_events_story ON merged_events(story);

CREATE TABLE merged_mentions (
    merged_id TEXT NOT NULL,
    doc_id    TEXT NOT NULL,
    event_id  TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_id)
);
CREATE INDEX merged_mentions_merged ON merged_mentions(merged_id);

CREATE TABLE stories (
    id        TEXT PRIMARY KEY,
    pair      TEXT NOT NULL,
    label     TEXT NOT NULL,
    terms     TEXT NOT NULL,         -- JSON [term, ...]
    first_day TEXT NOT NULL,
    last_day  TEXT NOT NULL,
    events    INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    reports   INTEGER NOT NULL
);
CREATE INDEX stories_pair ON stories(pair);
CREATE INDEX stories_day ON stories(first_day, last_day);
"""),
)
