package io.openchannel.spi.channel;

import io.openchannel.account.Account;
import io.openchannel.account.ChannelType;

/**
 * Connects one kind of channel to the engine: turns the channel's webhook requests into
 * {@link InboundEvent}s. A host registers one connector per channel type on the
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
}
