package io.openchannel;

/**
 * Thrown when a state machine is asked for a move its transition table does not allow (for example replying on a closed interaction). Nothing changes.
 *
 * <p>The message always says what was wrong and how to fix it.
 */
public class IllegalTransitionException extends OpenChannelException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was wrong and what to do. */
  public IllegalTransitionException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public IllegalTransitionException(String message, Throwable cause) {
    super(message, cause);
  }
}
