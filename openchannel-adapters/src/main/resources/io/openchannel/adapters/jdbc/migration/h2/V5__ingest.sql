-- openchannel schema 5 for H2: nothing to change.

-- PostgreSQL and MariaDB drop the foreign key from oc_message_word to oc_message here, for
-- cheaper inbound ingest. H2 named that key itself, so a script cannot name it; H2 keeps it,
-- which changes nothing the store does (it writes words only with their message).
SELECT 1;
