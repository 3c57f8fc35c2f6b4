package io.openchannel.policy;

/**
 * Meta's message tags: they allow a message outside the 24 h window for one approved use case and
 * never carry promotional content. The built-in policies use only {@link #HUMAN_AGENT}.
 */
public enum MessageTag {
  /** Reminders or updates about an event the customer registered for (not on Instagram). */
  CONFIRMED_EVENT_UPDATE,
  /** Updates about a purchase the customer made. */
  POST_PURCHASE_UPDATE,
  /** Changes to the customer's account or application. */
  ACCOUNT_UPDATE,
  /** A human agent's answer up to 7 days after the customer's last message; needs approval. */
  HUMAN_AGENT
}
