package io.openchannel.policy;

/** Meta's Send API {@code messaging_type} (Messenger, Instagram). */
public enum MessagingType {
  /** A reply inside the 24 h window. */
  RESPONSE,
  /** A proactive message that is not a reply; also how the legacy "24 + 1" extra message goes. */
  UPDATE,
  /** A message outside the window carrying a {@link MessageTag}. */
  MESSAGE_TAG
}
