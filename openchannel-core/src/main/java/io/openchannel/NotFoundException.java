package io.openchannel;

/**
 * Thrown when an account, contact, interaction, agent or other entity named by id does not exist.
 *
 * <p>The message always says what was wrong and how to fix it.
 */
public class NotFoundException extends OpenChannelException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was wrong and what to do. */
  public NotFoundException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
