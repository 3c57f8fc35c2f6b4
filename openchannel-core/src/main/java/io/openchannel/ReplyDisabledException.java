package io.openchannel;

/**
 * Thrown when an account has no Reply URL: agents can neither reply nor start interactions on it (S25).
 *
 * <p>The message always says what was wrong and how to fix it.
 */
public class ReplyDisabledException extends SendNotAllowedException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was wrong and what to do. */
  public ReplyDisabledException(String message) {
    super(message, io.openchannel.policy.DenialReason.REPLY_DISABLED, java.util.Optional.empty());
  }

  /** Creates the exception with a message and the underlying cause. */
  public ReplyDisabledException(String message, Throwable cause) {
    super(message, cause);
  }
}
