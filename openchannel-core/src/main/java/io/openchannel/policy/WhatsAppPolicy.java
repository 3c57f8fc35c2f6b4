package io.openchannel.policy;

import io.openchannel.account.ChannelType;
import java.time.Instant;
import java.util.Optional;

/**
 * WhatsApp: free-form messages (agent messages, auto-replies) while {@code now} is before 24 h
 * after the customer's last message; templates at any time, even as a first contact. Only the
 * customer's messages open or refresh the window; the business's own do not, which follows from
 * the context holding only the customer's last message. The HUMAN_AGENT and "24 + 1" options do
 * not exist on WhatsApp and are ignored.
 */
record WhatsAppPolicy() implements ChannelPolicy {

  @Override
  public ChannelType channel() {
    return ChannelType.WHATSAPP;
  }

  @Override
  public SendDecision decide(SendContext context) {
    Decisions.require(channel(), context);
    if (context.kind() == SendKind.TEMPLATE) {
      return SendDecision.Allowed.asTemplate();
    }
    Optional<Instant> windowEnd = Decisions.windowEnd(context, ChannelPolicies.MESSAGING_WINDOW);
    if (Decisions.inside(context, windowEnd)) {
      return SendDecision.Allowed.plain(windowEnd);
    }
    String when = context.customerHasWritten() ? Decisions.lastWrote(context)
        : "the customer has never written";
    return Decisions.denied(DenialReason.TEMPLATE_REQUIRED, "WhatsApp allows free-form messages"
        + " only within 24 hours of the customer's last message; " + when
        + "; send an approved template instead");
  }
}
