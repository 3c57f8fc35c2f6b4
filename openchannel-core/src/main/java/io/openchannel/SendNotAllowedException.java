package io.openchannel;

import io.openchannel.policy.DenialReason;
import java.time.Instant;
import java.util.Optional;

/**
 * Thrown when the channel's rules forbid sending a message now (for example outside a messaging
 * window). The message says why and what to do; {@link #reason()} says it for programs and
 * {@link #until()} when sending may be allowed again, if that is known (an empty {@code until}
 * usually means "until the customer writes again"). Nothing was stored.
 */
public class SendNotAllowedException extends OpenChannelException {
  private static final long serialVersionUID = 1L;

  private final transient DenialReason reason;
  private final transient Instant until;

  /** Creates the exception with a message that says what was wrong and what to do. */
  public SendNotAllowedException(String message) {
    this(message, null, Optional.empty());
  }

  /** Creates the exception with a message and the underlying cause. */
  public SendNotAllowedException(String message, Throwable cause) {
    super(message, cause);
    this.reason = null;
    this.until = null;
  }

  /**
   * Creates the exception for a refusal with a known reason.
   *
   * @param until when sending may be allowed again, if known
   */
  public SendNotAllowedException(String message, DenialReason reason, Optional<Instant> until) {
    super(message);
    this.reason = reason;
    this.until = until.orElse(null);
  }

  /** Why sending is refused, when a channel rule or an account setting says so. */
  public Optional<DenialReason> reason() {
    return Optional.ofNullable(reason);
  }

  /** When sending may be allowed again, if known. */
  public Optional<Instant> until() {
    return Optional.ofNullable(until);
  }
}
