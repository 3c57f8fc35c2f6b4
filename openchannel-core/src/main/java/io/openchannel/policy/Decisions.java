package io.openchannel.policy;

import io.openchannel.account.ChannelType;
import io.openchannel.internal.util.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Helpers shared by the built-in policies. */
final class Decisions {
  private Decisions() {}

  /** Checks that the context is for the policy's channel and returns it. */
  static SendContext require(ChannelType channel, SendContext context) {
    Checks.notNull(context, "context");
    Checks.check(context.channel() == channel, () -> "this policy is for " + channel
        + " but the context is for " + context.channel()
        + "; use ChannelPolicies.forChannel(" + context.channel() + ")");
    return context;
  }

  /** The end of a window that opened at the customer's last message, if that time is known. */
  static Optional<Instant> windowEnd(SendContext context, Duration length) {
    return context.lastInbound().map(last -> last.plus(length));
  }

  /** Whether {@code now} is before the window's end: windows are half-open. */
  static boolean inside(SendContext context, Optional<Instant> end) {
    return end.isPresent() && context.now().isBefore(end.get());
  }

  static SendDecision.Denied denied(DenialReason reason, String message) {
    return new SendDecision.Denied(reason, message, Optional.empty());
  }

  static SendDecision.Denied templateNotSupported(ChannelType channel) {
    return denied(DenialReason.TEMPLATE_NOT_SUPPORTED, channel.displayName()
        + " has no approved message templates; send a normal message instead");
  }

  static SendDecision.Denied cannotWriteFirst(ChannelType channel, String why) {
    return denied(DenialReason.BUSINESS_CANNOT_WRITE_FIRST, channel.displayName()
        + " does not let a business write first: this customer has never written to the account"
        + why + "; wait until the customer writes");
  }

  private static final java.time.format.DateTimeFormatter READABLE =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", java.util.Locale.ROOT)
          .withZone(java.time.ZoneOffset.UTC);

  /** An instant as people read it in a message: {@code 2025-06-02 09:11:35 UTC}. */
  static String readable(Instant at) {
    return READABLE.format(at);
  }

  /** "the customer last wrote at ..." or a note that the time is not known. */
  static String lastWrote(SendContext context) {
    return context.lastInbound()
        .map(last -> "the customer last wrote at " + readable(last))
        .orElse("the time of the customer's last message is not known, so the window counts as"
            + " closed");
  }
}
