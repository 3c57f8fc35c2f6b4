package io.openchannel;

/**
 * Thrown when an attachment is refused: attachments disabled on the account, too large, or more than one per message.
 *
 * <p>The message always says what was wrong and how to fix it.
 */
public class AttachmentRejectedException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what was wrong and what to do. */
  public AttachmentRejectedException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public AttachmentRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
