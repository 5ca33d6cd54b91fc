-- The article records of spec/RECORD.md, normalised.
-- One row per record in articles; every list of the record is a child table keyed by
-- (article_id, ord) so that a record can be rebuilt exactly and deleted in one step (ON DELETE CASCADE).
-- Offsets (start_cp, end_cp) are code points into articles.text, as in the record.
-- Statements end with ";" at the end of a line (the runner splits there).
-- seq is an explicit INTEGER PRIMARY KEY because article_fts is keyed by it and VACUUM may
-- renumber an implicit rowid.
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  record_schema TEXT NOT NULL,
  uri TEXT,
  site TEXT,
  format TEXT,
  title TEXT,
  lead TEXT,
  published TEXT,
  section TEXT,
  text TEXT NOT NULL,
  extractor TEXT,
  models_json TEXT NOT NULL,
  warnings_json TEXT NOT NULL,
  has_periods INTEGER NOT NULL,
  has_organizations INTEGER NOT NULL,
  has_locations INTEGER NOT NULL,
  loaded_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_site ON articles (site);

CREATE TABLE article_authors (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (article_id, ord)
);

-- A person across articles, keyed by the folded name (case and tone-mark placement ignored).
-- name is the most frequent spelling; loose_key drops every diacritic for look-ups typed without them.
CREATE TABLE officials (
  official_key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  loose_key TEXT NOT NULL,
  article_count INTEGER NOT NULL
);
CREATE INDEX officials_loose ON officials (loose_key);

CREATE TABLE article_officials (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  official_key TEXT NOT NULL REFERENCES officials (official_key),
  name TEXT NOT NULL,
  honorific TEXT,
  PRIMARY KEY (article_id, ord)
);
CREATE INDEX article_officials_official ON article_officials (official_key);

CREATE TABLE official_titles (
  article_id TEXT NOT NULL,
  official_ord INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  title TEXT NOT NULL,
  title_key TEXT NOT NULL,
  PRIMARY KEY (article_id, official_ord, ord),
  FOREIGN KEY (article_id, official_ord) REFERENCES article_officials (article_id, ord) ON DELETE CASCADE
);

-- A document across articles, keyed by its parsed symbol (number without leading zeros, type,
-- issuer, year); id is the most frequent spelling, the other columns the most frequent non-null values.
-- The *_loose columns serve the look-up of symbols typed without diacritics ("21 kl tw", "ket luan 21").
CREATE TABLE documents (
  doc_key TEXT PRIMARY KEY,
  id TEXT NOT NULL,
  type TEXT,
  type_name TEXT,
  number TEXT,
  issuer_code TEXT,
  issuer TEXT,
  issued TEXT,
  subject TEXT,
  number_key TEXT NOT NULL,
  type_loose TEXT NOT NULL,
  issuer_loose TEXT NOT NULL,
  year_key TEXT NOT NULL,
  article_count INTEGER NOT NULL
);
CREATE INDEX documents_short ON documents (number_key, type_loose);

-- The document as one article gives it (kept as written, for export and provenance).
CREATE TABLE article_documents (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  doc_key TEXT NOT NULL REFERENCES documents (doc_key),
  id TEXT NOT NULL,
  type TEXT,
  type_name TEXT,
  number TEXT,
  issuer_code TEXT,
  issuer TEXT,
  issued TEXT,
  subject TEXT,
  explicit INTEGER NOT NULL,
  PRIMARY KEY (article_id, ord)
);
CREATE INDEX article_documents_doc ON article_documents (doc_key);

-- Each citation, with the sentence it stands in (sentence_start_cp: where that sentence starts in the text).
CREATE TABLE document_mentions (
  article_id TEXT NOT NULL,
  doc_ord INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  start_cp INTEGER NOT NULL,
  end_cp INTEGER NOT NULL,
  text TEXT NOT NULL,
  sentence TEXT NOT NULL,
  sentence_start_cp INTEGER NOT NULL,
  PRIMARY KEY (article_id, doc_ord, ord),
  FOREIGN KEY (article_id, doc_ord) REFERENCES article_documents (article_id, ord) ON DELETE CASCADE
);

CREATE TABLE article_dates (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  value TEXT NOT NULL,
  granularity TEXT,
  text TEXT,
  PRIMARY KEY (article_id, ord)
);
CREATE INDEX article_dates_value ON article_dates (value);

-- value, total and value_max are kept exactly as decimal strings; value_num is for ranges and sorting.
CREATE TABLE article_counts (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  value TEXT,
  value_num DOUBLE PRECISION,
  unit TEXT,
  unit_key TEXT,
  total TEXT,
  value_max TEXT,
  qualifier TEXT,
  text TEXT,
  start_cp INTEGER NOT NULL,
  end_cp INTEGER NOT NULL,
  PRIMARY KEY (article_id, ord)
);
CREATE INDEX article_counts_unit ON article_counts (unit_key);

CREATE TABLE article_periods (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  text TEXT,
  kind TEXT,
  start_value TEXT,
  end_value TEXT,
  PRIMARY KEY (article_id, ord)
);

CREATE TABLE article_organizations (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  PRIMARY KEY (article_id, ord)
);
CREATE INDEX article_organizations_name ON article_organizations (name_key);

CREATE TABLE article_locations (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT,
  name_key TEXT NOT NULL,
  PRIMARY KEY (article_id, ord)
);
CREATE INDEX article_locations_name ON article_locations (name_key);

-- The mentions of officials, dates, periods, organizations and locations share one shape, and the
-- article page reads them all at once, so they share one table (kind: official|date|period|organization|location).
CREATE TABLE entity_mentions (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  entity_ord INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  start_cp INTEGER NOT NULL,
  end_cp INTEGER NOT NULL,
  text TEXT,
  PRIMARY KEY (article_id, kind, entity_ord, ord)
);

-- Full-text search over two folded copies of title and text (see store.SearchText):
-- strict keeps the letters' diacritics and writes the tone as a digit ("đảng" → "đang3"),
-- loose drops every diacritic and reads đ as d ("dang"). unicode61 alone cannot do either
-- (it does not fold Đ/đ). Contentless: the text itself lives in articles; rowid = articles.seq.
CREATE VIRTUAL TABLE article_fts USING fts5 (strict, loose, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
