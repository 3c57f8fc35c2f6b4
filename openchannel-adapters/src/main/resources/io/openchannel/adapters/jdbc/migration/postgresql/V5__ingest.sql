-- openchannel schema 5 for PostgreSQL: cheaper inbound ingest.

-- A message's search words are written and dropped only by the store, with their message and in
-- its transaction, so the foreign key checked nothing the store does not already keep. It cost
-- one trigger call and index probe per word: most of the time of storing a batch of messages.
ALTER TABLE oc_message_word DROP CONSTRAINT IF EXISTS oc_message_word_message_id_fkey;
