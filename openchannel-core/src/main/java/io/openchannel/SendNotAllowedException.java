package io.openchannel;

/**
 * Thrown when the channel's rules forbid sending a message now (for example outside a messaging window).
 *
 * <p>The message always says what was wrong and how to fix it.
 */
public class SendNotAllowedException extends OpenChannelException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was wrong and what to do. */
  public SendNotAllowedException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public SendNotAllowedException(String message, Throwable cause) {
    super(message, cause);
  }
}
