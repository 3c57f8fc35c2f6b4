-- openchannel schema 4 for H2: the interactions view over many interactions.
-- (Version 3 belongs to another change; the migrator runs whichever versions a database lacks.)

-- A common search word is checked per interaction while the view walks its order: these
-- (owner, word) indexes answer "does this interaction, or its contact, have a word starting
-- with w" from one index range.
CREATE INDEX oc_message_word_owner ON oc_message_word (interaction_id, word);
CREATE INDEX oc_contact_word_owner ON oc_contact_word (contact_id, word);
