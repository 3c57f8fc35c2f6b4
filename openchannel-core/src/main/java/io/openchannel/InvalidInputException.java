package io.openchannel;

/**
 * Thrown when an argument is malformed or out of range: blank text, an unknown tag or disposition, a bad setting.
 *
 * <p>The message always says what was wrong and how to fix it.
 */
public class InvalidInputException extends OpenChannelException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was wrong and what to do. */
  public InvalidInputException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
