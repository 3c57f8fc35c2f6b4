-- openchannel schema 5 for MariaDB: cheaper inbound ingest.

-- A message's search words are written and dropped only by the store, with their message and in
-- its transaction, so the foreign key checked nothing the store does not already keep. It cost
-- one check per word when a batch of messages is stored. (Its index, oc_message_word_message,
-- stays: updates find a message's words through it.)
ALTER TABLE oc_message_word DROP FOREIGN KEY oc_message_word_ibfk_1;
