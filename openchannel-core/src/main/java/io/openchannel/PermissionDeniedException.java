package io.openchannel;

/**
 * Thrown when an agent lacks the permission or ownership an action needs.
 *
 * <p>The message always says what was wrong and how to fix it.
 */
public class PermissionDeniedException extends OpenChannelException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was wrong and what to do. */
  public PermissionDeniedException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public PermissionDeniedException(String message, Throwable cause) {
    super(message, cause);
  }
}
