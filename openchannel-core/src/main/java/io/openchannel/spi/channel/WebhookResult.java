package io.openchannel.spi.channel;

import io.openchannel.internal.util.Checks;
import java.util.List;

/**
 * A verified webhook request, parsed.
 *
 * @param events what the channel reported, in the order it reported them
 * @param response what to answer the channel once the events are stored
 */
public record WebhookResult(List<InboundEvent> events, WebhookResponse response) {
  /** Validates and copies the result. */
  public WebhookResult {
    events = List.copyOf(Checks.notNull(events, "events"));
    Checks.notNull(response, "response");
  }

  /** Events to store, answered with 200. */
  public static WebhookResult of(List<InboundEvent> events) {
    return new WebhookResult(events, WebhookResponse.ok());
  }

  /** A handshake: nothing to store, {@code response} to answer. */
  public static WebhookResult handshake(WebhookResponse response) {
    return new WebhookResult(List.of(), response);
  }
}
