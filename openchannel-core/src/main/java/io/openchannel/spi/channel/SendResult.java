package io.openchannel.spi.channel;

import io.openchannel.internal.util.Checks;
import java.time.Duration;
import java.util.Optional;

/**
 * What a connector's {@link ChannelConnector#send} achieved. A connector classifies platform
 * errors instead of throwing them; an exception thrown anyway counts as a transient failure.
 */
public sealed interface SendResult {

  /** The platform accepted the message: the double checkmark. */
  record Sent(String channelMessageId) implements SendResult {
    /** Validates the id. */
    public Sent {
      Checks.identifier(channelMessageId, "channelMessageId", 512);
    }
  }

  /**
   * The platform did not accept the message.
   *
   * @param kind whether trying again may help
   * @param reason the platform's words, shown to the agent next to the single checkmark
   * @param retryAfter how long the platform asked us to wait (HTTP 429 {@code retry_after})
   */
  record Failed(FailureKind kind, String reason, Optional<Duration> retryAfter) implements SendResult {
    /** Validates the failure. */
    public Failed {
      Checks.notNull(kind, "kind");
      reason = Checks.name(reason, "reason", 1000);
      Checks.notNull(retryAfter, "retryAfter");
      Checks.check(retryAfter.isEmpty() || kind == FailureKind.TRANSIENT,
          "only a transient failure has a retryAfter");
    }
  }

  /** Whether a failure is worth retrying. */
  enum FailureKind {
    /** Rate limits, timeouts, 5xx: retried with backoff. */
    TRANSIENT,
    /** Bad recipient, blocked by the user, malformed request: failed at once. */
    PERMANENT,
    /** The platform's rules refuse it (outside a messaging window): failed at once. */
    POLICY
  }

  /** The platform accepted the message under {@code channelMessageId}. */
  static SendResult sent(String channelMessageId) {
    return new Sent(channelMessageId);
  }

  /** A failure worth retrying, after {@code retryAfter} if the platform said so. */
  static SendResult transientFailure(String reason, Optional<Duration> retryAfter) {
    return new Failed(FailureKind.TRANSIENT, reason, retryAfter);
  }

  /** A failure that retrying will not fix. */
  static SendResult permanentFailure(String reason) {
    return new Failed(FailureKind.PERMANENT, reason, Optional.empty());
  }

  /** The platform's rules refuse the message. */
  static SendResult policyFailure(String reason) {
    return new Failed(FailureKind.POLICY, reason, Optional.empty());
  }
}
