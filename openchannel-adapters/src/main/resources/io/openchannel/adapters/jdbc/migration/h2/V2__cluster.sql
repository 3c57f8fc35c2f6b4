-- openchannel schema 2 for H2: several engines on one database.

-- Who sends an interaction's outbox: one row per claimed interaction. A claim is free once
-- lease_until has passed; a released claim waiting for a retry keeps the retry time there
-- (retry = TRUE), which holds back every engine, its owner too.
CREATE TABLE oc_outbox_claim (
  interaction_id VARCHAR(128) PRIMARY KEY,
  owner          VARCHAR(128) NOT NULL,
  lease_until    BIGINT       NOT NULL,
  attempts       INT          NOT NULL,
  retry          BOOLEAN      NOT NULL
);

-- Events of committed changes, for the other engines' listeners (JdbcStore clusterEvents).
-- seq is handed out under the lock of oc_event_head's one row, so events commit in seq order
-- and a reader that has seen seq n has seen everything before it.
CREATE TABLE oc_event (
  seq            BIGINT       PRIMARY KEY,
  origin         VARCHAR(128) NOT NULL,
  interaction_id VARCHAR(128),
  created_at     BIGINT       NOT NULL,
  body           TEXT         NOT NULL
);
CREATE INDEX oc_event_created ON oc_event (created_at);
CREATE TABLE oc_event_head (
  id  INT    PRIMARY KEY,
  seq BIGINT NOT NULL
);
INSERT INTO oc_event_head (id, seq) VALUES (1, 0);
-- Where each engine (by node id) has read the log up to, so a restart neither replays nor skips.
CREATE TABLE oc_event_cursor (
  node_id VARCHAR(128) PRIMARY KEY,
  seq     BIGINT       NOT NULL
);
