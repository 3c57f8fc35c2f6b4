-- openchannel schema 1 for MariaDB: the six entities of the Store SPI.
-- Every table is utf8mb4 with the binary collation: texts compare and sort by code point and
-- case-sensitively, as the in-memory store does, whatever the server's defaults. Instants are BIGINT epoch
-- nanoseconds (exact, and a plain index serves ranges). Nested value objects are JSON text.

-- One sequence orders inserts (ties in lists) and the outbox.
CREATE SEQUENCE oc_seq;

CREATE TABLE oc_account (
  id            VARCHAR(128) PRIMARY KEY,
  channel_type  VARCHAR(32)  NOT NULL,
  name          VARCHAR(200) NOT NULL,
  enabled       BOOLEAN      NOT NULL,
  settings      MEDIUMTEXT         NOT NULL,
  version       BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE oc_agent (
  id            VARCHAR(128) PRIMARY KEY,
  name          VARCHAR(200) NOT NULL,
  presence      VARCHAR(16)  NOT NULL,
  profile       MEDIUMTEXT         NOT NULL,
  version       BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE oc_contact (
  id            VARCHAR(128) PRIMARY KEY,
  first_name    MEDIUMTEXT,
  last_name     MEDIUMTEXT,
  name_norm     MEDIUMTEXT,
  created_at    BIGINT       NOT NULL,
  version       BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The identity rule: a channel identity belongs to at most one contact.
CREATE TABLE oc_contact_identity (
  account_id    VARCHAR(128) NOT NULL,
  external_id   VARCHAR(256) NOT NULL,
  contact_id    VARCHAR(128) NOT NULL,
  ord           INTEGER      NOT NULL,
  external_norm MEDIUMTEXT NOT NULL,
  PRIMARY KEY (account_id, external_id),
  FOREIGN KEY (account_id) REFERENCES oc_account (id),
  FOREIGN KEY (contact_id) REFERENCES oc_contact (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX oc_contact_identity_contact ON oc_contact_identity (contact_id);

-- Values of any length: lookups go through an indexed prefix, then compare the whole value.
CREATE TABLE oc_contact_field (
  contact_id    VARCHAR(128) NOT NULL,
  field_name    VARCHAR(64)  NOT NULL,
  field_value   MEDIUMTEXT         NOT NULL,
  value_prefix  VARCHAR(100) NOT NULL,
  PRIMARY KEY (contact_id, field_name),
  FOREIGN KEY (contact_id) REFERENCES oc_contact (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX oc_contact_field_value ON oc_contact_field (field_name, value_prefix, contact_id);

-- The conversation key: one conversation per (account, address, visibility, thread; '' = none).
CREATE TABLE oc_conversation (
  id                VARCHAR(128) PRIMARY KEY,
  account_id        VARCHAR(128) NOT NULL,
  address           VARCHAR(256) NOT NULL,
  visibility        VARCHAR(16)  NOT NULL,
  thread_id         VARCHAR(256) NOT NULL,
  contact_id        VARCHAR(128) NOT NULL,
  open_interaction  VARCHAR(128),
  interaction_count INTEGER      NOT NULL,
  unmanaged_count   INTEGER      NOT NULL,
  created_at        BIGINT       NOT NULL,
  last_inbound_at   BIGINT,
  sent_after_window INTEGER      NOT NULL,
  version           BIGINT       NOT NULL,
  CONSTRAINT oc_conversation_key UNIQUE (account_id, address, visibility, thread_id),
  FOREIGN KEY (account_id) REFERENCES oc_account (id),
  FOREIGN KEY (contact_id) REFERENCES oc_contact (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE oc_interaction (
  id              VARCHAR(128) PRIMARY KEY,
  seq             BIGINT       NOT NULL,
  conversation_id VARCHAR(128) NOT NULL,
  account_id      VARCHAR(128) NOT NULL,
  contact_id      VARCHAR(128) NOT NULL,
  visibility      VARCHAR(16)  NOT NULL,
  origin          VARCHAR(8)   NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  started_at      BIGINT       NOT NULL,
  first_agent     VARCHAR(128),
  owner_agent     VARCHAR(128),
  is_read         BOOLEAN      NOT NULL,
  tags            MEDIUMTEXT         NOT NULL,
  last_message_at BIGINT,
  last_message    MEDIUMTEXT,
  last_direction  VARCHAR(8),
  sort_at         BIGINT       NOT NULL,
  closed_at       BIGINT,
  disposition     VARCHAR(128),
  version         BIGINT       NOT NULL,
  FOREIGN KEY (conversation_id) REFERENCES oc_conversation (id),
  FOREIGN KEY (account_id) REFERENCES oc_account (id),
  FOREIGN KEY (contact_id) REFERENCES oc_contact (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX oc_interaction_conversation ON oc_interaction (conversation_id, started_at, seq);
CREATE INDEX oc_interaction_contact ON oc_interaction (contact_id, started_at, seq);

-- Inbound dedupe: one message per (account, channel message id); NULLs (no id yet) never clash.
CREATE TABLE oc_message (
  id                 VARCHAR(128) PRIMARY KEY,
  seq                BIGINT       NOT NULL,
  interaction_id     VARCHAR(128) NOT NULL,
  account_id         VARCHAR(128) NOT NULL,
  direction          VARCHAR(8)   NOT NULL,
  kind               VARCHAR(16)  NOT NULL,
  body               MEDIUMTEXT         NOT NULL,
  body_norm          MEDIUMTEXT,
  attachment         MEDIUMTEXT,
  author             VARCHAR(128),
  auto_reply         BOOLEAN      NOT NULL,
  canned             BOOLEAN      NOT NULL,
  channel_message_id VARCHAR(512),
  delivery_status    VARCHAR(16),
  failure_reason     MEDIUMTEXT,
  template           MEDIUMTEXT,
  send_terms         MEDIUMTEXT,
  created_at         BIGINT       NOT NULL,
  queue_seq          BIGINT,
  version            BIGINT       NOT NULL,
  CONSTRAINT oc_message_channel_id UNIQUE (account_id, channel_message_id),
  FOREIGN KEY (interaction_id) REFERENCES oc_interaction (id),
  FOREIGN KEY (account_id) REFERENCES oc_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX oc_message_interaction ON oc_message (interaction_id, seq);
-- The outbox: only queued messages have a queue_seq.
CREATE INDEX oc_message_outbox ON oc_message (queue_seq);

-- The interactions view (InteractionRepository.query): keyset pages over (time, id), newest first.
-- sort_at is the last message's time, or the start time when there is none.
CREATE INDEX oc_interaction_sort ON oc_interaction (sort_at, id);
CREATE INDEX oc_interaction_started ON oc_interaction (started_at, id);
CREATE INDEX oc_interaction_account_sort ON oc_interaction (account_id, sort_at, id);
CREATE INDEX oc_interaction_status_sort ON oc_interaction (status, sort_at, id);
CREATE INDEX oc_interaction_agent_sort ON oc_interaction (first_agent, sort_at, id);

CREATE TABLE oc_interaction_tag (
  interaction_id VARCHAR(128) NOT NULL,
  tag            VARCHAR(64)  NOT NULL,
  PRIMARY KEY (interaction_id, tag),
  FOREIGN KEY (interaction_id) REFERENCES oc_interaction (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX oc_interaction_tag_tag ON oc_interaction_tag (tag, interaction_id);

-- Search words, normalised by openchannel's SearchText in Java (case folded, accents removed) and
-- cut at 255 characters: a contact's names, field values and external ids; a message's text and
-- attachment file name (never an auto-reply's). A query word matches as a prefix (LIKE 'w%'),
-- through the (word, owner) indexes.
CREATE TABLE oc_contact_word (
  contact_id VARCHAR(128) NOT NULL,
  word       VARCHAR(255) NOT NULL,
  FOREIGN KEY (contact_id) REFERENCES oc_contact (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX oc_contact_word_contact ON oc_contact_word (contact_id);
CREATE INDEX oc_contact_word_word ON oc_contact_word (word, contact_id);

CREATE TABLE oc_message_word (
  message_id     VARCHAR(128) NOT NULL,
  interaction_id VARCHAR(128) NOT NULL,
  word           VARCHAR(255) NOT NULL,
  FOREIGN KEY (message_id) REFERENCES oc_message (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX oc_message_word_word ON oc_message_word (word, interaction_id);
CREATE INDEX oc_message_word_message ON oc_message_word (message_id);
