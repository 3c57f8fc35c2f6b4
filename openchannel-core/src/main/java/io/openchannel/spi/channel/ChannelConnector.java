package io.openchannel.spi.channel;

import io.openchannel.account.Account;
import io.openchannel.account.ChannelType;

/**
 * Connects one kind of channel to the engine: turns the channel's webhook requests into
 * {@link InboundEvent}s and delivers outbound messages. A host registers one connector per channel type on the
 * {@link io.openchannel.OpenChannelBuilder}; it serves every account of that type.
 * Implementations are thread-safe and keep no per-message state: the engine handles dedupe.
 */
public interface ChannelConnector {
  /** The channel this connector speaks. */
  ChannelType type();

  /**
   * Verifies the request (handshake or signature over the raw body) and parses it.
   *
   * @param request the untouched HTTP request
   * @param account the account the request was addressed to
   * @throws io.openchannel.WebhookVerificationException if verification fails; the engine then
   *     stores nothing
   * @throws io.openchannel.InvalidInputException if the body is malformed
   */
  WebhookResult handle(WebhookRequest request, Account account);

  /**
   * Delivers one message. Called from the engine's dispatcher, never inside a transaction, one
   * message of an interaction at a time and in order. Classify platform errors in the result
   * rather than throwing; an exception counts as a transient failure.
   *
   * <p>The default refuses, for connectors that only receive.
   */
  default SendResult send(OutboundMessage message, Account account) {
    return SendResult.permanentFailure(getClass().getSimpleName() + " does not send messages");
  }
}
