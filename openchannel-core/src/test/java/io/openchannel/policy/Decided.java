package io.openchannel.policy;

import io.openchannel.account.ChannelType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: contexts relative to one instant, and decisions as short strings for tables. */
final class Decided {
  /** When the customer last wrote, in every table. */
  static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

  private Decided() {}

  /** A context in which the customer last wrote at {@link #T0} and it is now {@code T0 + elapsed}. */
  static SendContext.Builder after(ChannelType channel, SendKind kind, Duration elapsed) {
    return SendContext.builder(channel, kind, T0.plus(elapsed)).lastInbound(T0);
  }

  /**
   * "RESPONSE until +P1D", "MESSAGE_TAG HUMAN_AGENT until +P7D", "TEMPLATE", "PUSH",
   * "denied WINDOW_CLOSED": durations are relative to {@link #T0}.
   */
  static String describe(SendDecision decision) {
    List<String> parts = new ArrayList<>();
    if (decision instanceof SendDecision.Denied denied) {
      parts.add("denied " + denied.reason());
    } else if (decision instanceof SendDecision.Allowed allowed) {
      allowed.messagingType().ifPresent(t -> parts.add(t.name()));
      allowed.tag().ifPresent(t -> parts.add(t.name()));
      if (allowed.template()) {
        parts.add("TEMPLATE");
      }
      allowed.replyMode().ifPresent(m -> parts.add(m.name()));
      if (parts.isEmpty()) {
        parts.add("allowed");
      }
    }
    decision.until().ifPresent(u -> parts.add("until +" + Duration.between(T0, u)));
    return String.join(" ", parts);
  }
}
