-- openchannel schema 3 for MariaDB: routing shared by several engines (JdbcStore clusterRouting).

-- Offers, pending and ended. An offer is ended by an UPDATE whose WHERE says state = 'PENDING',
-- so of two engines ending one offer (two accepts, an accept and a timeout) one wins. Ended offers
-- are pruned after a day.
CREATE TABLE oc_route_offer (
  id             VARCHAR(128) PRIMARY KEY,
  interaction_id VARCHAR(128) NOT NULL,
  agent_id       VARCHAR(128) NOT NULL,
  queue_id       VARCHAR(128) NOT NULL,
  state          VARCHAR(16)  NOT NULL,
  reason         VARCHAR(32),
  created_at     BIGINT       NOT NULL,
  expires_at     BIGINT       NOT NULL,
  ended_at       BIGINT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX oc_route_offer_interaction ON oc_route_offer (interaction_id);
CREATE INDEX oc_route_offer_agent ON oc_route_offer (agent_id, state);
CREATE INDEX oc_route_offer_state ON oc_route_offer (state, created_at);
CREATE INDEX oc_route_offer_ended ON oc_route_offer (ended_at);

-- Interactions in a queue that no agent has taken yet: one row each, replaced on each new stay.
CREATE TABLE oc_route_waiting (
  interaction_id VARCHAR(128) PRIMARY KEY,
  queue_id       VARCHAR(128) NOT NULL,
  priority       INT          NOT NULL,
  enqueued_at    BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX oc_route_waiting_order ON oc_route_waiting (priority, enqueued_at);

-- Queues: their settings as JSON, with an optimistic version.
CREATE TABLE oc_route_queue (
  id      VARCHAR(128) PRIMARY KEY,
  version BIGINT       NOT NULL,
  body    MEDIUMTEXT         NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The router lease: one row. epoch rises with every new holder and fences the old one's writes;
-- changes counts routing changes that no event reports (capacity, queues), for the holder to see.
CREATE TABLE oc_router_lease (
  id         INT          PRIMARY KEY,
  node       VARCHAR(128) NOT NULL,
  epoch      BIGINT       NOT NULL,
  expires_at BIGINT       NOT NULL,
  changes    BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO oc_router_lease (id, node, epoch, expires_at, changes) VALUES (1, '', 0, 0, 0);
