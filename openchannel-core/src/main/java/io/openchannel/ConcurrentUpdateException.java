package io.openchannel;

/**
 * Thrown by a store when an optimistic version check or a unique constraint lost a race. The engine retries such work itself; callers see it only when retries are exhausted.
 *
 * <p>The message always says what was wrong and how to fix it.
 */
public class ConcurrentUpdateException extends OpenChannelException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was wrong and what to do. */
  public ConcurrentUpdateException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public ConcurrentUpdateException(String message, Throwable cause) {
    super(message, cause);
  }
}
