package io.openchannel;

/**
 * Root of every exception openchannel throws. Unchecked: callers catch the subclass named by the
 * cause they can handle ({@link NotFoundException}, {@link InvalidInputException}, ...).
 *
 * <p>When a call throws, nothing was written: every state change is atomic.
 */
public class OpenChannelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was wrong and what to do. */
  public OpenChannelException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public OpenChannelException(String message, Throwable cause) {
    super(message, cause);
  }
}
