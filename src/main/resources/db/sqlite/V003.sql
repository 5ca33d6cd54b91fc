-- Places (issue 16): the article's place (the one province where its events take place) with the
-- province covering it after the reform of 1 July 2025, so that archives spanning the reform can be
-- filtered and grouped by either; each location's level, GSO/ISO code and province; the province
-- that scopes a local document's symbol. The *_key columns hold the folded name (matching only).
ALTER TABLE articles ADD COLUMN place_name TEXT;
ALTER TABLE articles ADD COLUMN place_code TEXT;
ALTER TABLE articles ADD COLUMN place_key TEXT;
ALTER TABLE articles ADD COLUMN place_after_name TEXT;
ALTER TABLE articles ADD COLUMN place_after_code TEXT;
ALTER TABLE articles ADD COLUMN place_after_key TEXT;
CREATE INDEX articles_place ON articles (place_key);
CREATE INDEX articles_place_after ON articles (place_after_key);
ALTER TABLE article_locations ADD COLUMN level TEXT;
ALTER TABLE article_locations ADD COLUMN code TEXT;
ALTER TABLE article_locations ADD COLUMN province TEXT;
ALTER TABLE article_documents ADD COLUMN place_name TEXT;
ALTER TABLE article_documents ADD COLUMN place_code TEXT;
