package io.openchannel.policy;

/** How a LINE message is sent. */
public enum ReplyMode {
  /** {@code /v2/bot/message/reply} with the single-use reply token of the customer's message. */
  REPLY_TOKEN,
  /** {@code /v2/bot/message/push} to the user id: works any time, counts against the push quota. */
  PUSH
}
