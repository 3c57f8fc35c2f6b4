-- openchannel schema 4 for PostgreSQL: the interactions view over millions of interactions.
-- (Version 3 belongs to another change; the migrator runs whichever versions a database lacks.)

-- A common search word is checked per interaction while the view walks its order: these
-- (owner, word) indexes answer "does this interaction, or its contact, have a word starting
-- with w" from one index range. The (contact_id) index is a prefix of the new one.
CREATE INDEX oc_message_word_owner ON oc_message_word (interaction_id, word);
CREATE INDEX oc_contact_word_owner ON oc_contact_word (contact_id, word);
DROP INDEX oc_contact_word_contact;
