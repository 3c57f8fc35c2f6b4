-- openchannel schema 4 for PostgreSQL: the interactions view over millions of interactions.
-- (Version 3 belongs to another change; the migrator runs whichever versions a database lacks.)

-- A common search word is checked per interaction while the view walks its order: these
-- (owner, word) indexes answer "does this interaction, or its contact, have a word starting
-- with w" from one index range. The (contact_id) index is a prefix of the new one.
CREATE INDEX oc_message_word_owner ON oc_message_word (interaction_id, word);
CREATE INDEX oc_contact_word_owner ON oc_contact_word (contact_id, word);
DROP INDEX oc_contact_word_contact;

-- Counting a filtered view up to the query's exactTotalUpTo walks one of these indexes; with the
-- other filter columns included, the count reads the index alone (an index-only scan) instead
-- of fetching every candidate row.
DROP INDEX oc_interaction_account_sort;
CREATE INDEX oc_interaction_account_sort ON oc_interaction (account_id, sort_at, id)
  INCLUDE (status, is_read, first_agent, started_at);
DROP INDEX oc_interaction_status_sort;
CREATE INDEX oc_interaction_status_sort ON oc_interaction (status, sort_at, id)
  INCLUDE (is_read, account_id, first_agent, started_at);
DROP INDEX oc_interaction_agent_sort;
CREATE INDEX oc_interaction_agent_sort ON oc_interaction (first_agent, sort_at, id)
  INCLUDE (status, is_read, account_id, started_at);
