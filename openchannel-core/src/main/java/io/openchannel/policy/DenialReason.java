package io.openchannel.policy;

/** Why a channel refuses a message now; stable names a UI or a connector may switch on. */
public enum DenialReason {
  /** The channel's messaging window after the customer's last message has closed. */
  WINDOW_CLOSED,
  /** Outside WhatsApp's customer-service window only an approved template may be sent. */
  TEMPLATE_REQUIRED,
  /** The customer never wrote, and the channel does not let the business write first. */
  BUSINESS_CANNOT_WRITE_FIRST,
  /** Only the HUMAN_AGENT tag would allow this message, and it is not for automated messages. */
  HUMAN_AGENT_NOT_FOR_AUTOMATION,
  /** The legacy "24 + 1" rule's one extra message was already sent. */
  LEGACY_EXTRA_MESSAGE_USED,
  /** The channel has no approved message templates; send a normal message instead. */
  TEMPLATE_NOT_SUPPORTED,
  /** The account has no Reply URL (S25); only {@link io.openchannel.OpenChannel#canSend} says this. */
  REPLY_DISABLED,
  /** The account is disabled; only {@link io.openchannel.OpenChannel#canSend} says this. */
  ACCOUNT_DISABLED,
  /** The interaction is closed; only {@link io.openchannel.OpenChannel#canSend} says this. */
  INTERACTION_CLOSED
}
