-- Identity across the archive (issue 17). A document's key is its symbol plus the scope that makes it
-- unique: '' for a central issuer, the folded province (and district or commune) for a local one,
-- '?' when nothing tells a local document's place (RecordStore, Scopes). level is the issuing level
-- (central | province | district | commune) for the cascade; place the readable scope; label the
-- readable key people see and type ("02-NQ/TU@Gia Lai"; a central document's label is its id).
ALTER TABLE documents ADD COLUMN scope TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN level TEXT;
ALTER TABLE documents ADD COLUMN place TEXT;
ALTER TABLE documents ADD COLUMN label TEXT;
CREATE INDEX documents_group ON documents (number_key, type_loose, scope);
ALTER TABLE article_documents ADD COLUMN scope_place TEXT;
ALTER TABLE article_documents ADD COLUMN level TEXT;
-- A person is a name plus a compatible place: official_key is readable ("Nguyễn Văn Hùng · Gia Lai",
-- NFC, as first written); name_key (folded name) and place_key ('' unknown, 'tw' central, else the
-- folded province) are what mentions are matched by. Rows loaded before this version keep their keys.
ALTER TABLE officials ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE officials ADD COLUMN place TEXT;
ALTER TABLE officials ADD COLUMN place_key TEXT NOT NULL DEFAULT '';
UPDATE officials SET name_key = official_key;
CREATE INDEX officials_name ON officials (name_key, place_key);
CREATE INDEX official_titles_key ON official_titles (title_key);
