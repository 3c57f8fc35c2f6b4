package io.openchannel.transcript;

/** Who wrote a transcript entry. */
public enum SenderRole {
  /** The customer (an inbound message). */
  CUSTOMER,
  /** An agent: a reply, a canned answer, a template or an internal note. */
  AGENT,
  /** The account itself: an auto-reply (S27). */
  AUTO_REPLY
}
