-- Relations between the documents of one article (RECORD.md "Relations between documents"):
-- from_id implements or amends to_id, as the article states it; the mentions (the stretch of text
-- stating each relation) go to entity_mentions with kind 'relation'. from_key and to_key are the
-- documents' store keys, so that "what implements 21-KL/TW" is one indexed look-up.
CREATE TABLE article_relations (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  from_id TEXT NOT NULL,
  type TEXT NOT NULL,
  to_id TEXT NOT NULL,
  from_key TEXT NOT NULL,
  to_key TEXT NOT NULL,
  PRIMARY KEY (article_id, ord)
);
CREATE INDEX article_relations_to ON article_relations (to_key, type);
CREATE INDEX article_relations_from ON article_relations (from_key, type);
