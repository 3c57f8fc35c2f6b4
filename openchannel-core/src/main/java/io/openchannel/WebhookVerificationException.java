package io.openchannel;

/**
 * Thrown when an inbound webhook request fails verification (bad or missing signature, wrong verify token). Nothing is stored.
 *
 * <p>The message always says what was wrong and how to fix it.
 */
public class WebhookVerificationException extends OpenChannelException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was wrong and what to do. */
  public WebhookVerificationException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public WebhookVerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
