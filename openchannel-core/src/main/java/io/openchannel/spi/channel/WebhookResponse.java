package io.openchannel.spi.channel;

import io.openchannel.internal.util.Checks;

/**
 * What the host's endpoint answers the channel: {@code 200} with an empty body for ordinary
 * deliveries, the echoed challenge for a verification handshake.
 *
 * @param status the HTTP status
 * @param contentType the body's content type
 * @param body the body text
 */
public record WebhookResponse(int status, String contentType, String body) {
  /** Validates the response. */
  public WebhookResponse {
    Checks.check(status >= 100 && status <= 599, "HTTP status must be 100..599, got " + status);
    Checks.notNull(contentType, "contentType");
    Checks.notNull(body, "body");
  }

  /** 200 with an empty body. */
  public static WebhookResponse ok() {
    return new WebhookResponse(200, "text/plain", "");
  }

  /** 200 with a plain-text body, as handshakes answer. */
  public static WebhookResponse text(String body) {
    return new WebhookResponse(200, "text/plain", body);
  }

  /** 200 with a JSON body. */
  public static WebhookResponse json(String body) {
    return new WebhookResponse(200, "application/json", body);
  }
}
