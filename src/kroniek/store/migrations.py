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
)
