package io.openchannel.policy;

/** What is being sent; channels treat these differently (a human agent may do more than a bot). */
public enum SendKind {
  /** A message a human agent writes: text, a file, a voice message or a canned answer. */
  AGENT_MESSAGE,
  /** A message sent automatically, such as the account's auto-reply (S27); never by a human. */
  AUTO_REPLY,
  /**
   * A message template approved by the channel (WhatsApp {@code type:"template"}: name, language,
   * parameters). Not a canned answer: those are {@link #AGENT_MESSAGE}s.
   */
  TEMPLATE
}
