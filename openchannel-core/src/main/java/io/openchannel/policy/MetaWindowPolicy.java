package io.openchannel.policy;

import static io.openchannel.policy.Decisions.denied;
import static io.openchannel.policy.Decisions.inside;
import static io.openchannel.policy.Decisions.lastWrote;

import io.openchannel.account.ChannelType;
import io.openchannel.interaction.Visibility;
import io.openchannel.internal.util.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * Messenger and Instagram, in this order of preference:
 * <ol>
 *   <li>a public reply (to a comment under a post): allowed at any time, as on the Page itself;
 *       the messaging window limits private messages only
 *   <li>the customer never wrote: denied, no window was ever opened;
 *   <li>before 24 h after the customer's last message: {@code RESPONSE}, until the window's end;
 *   <li>with the HUMAN_AGENT option, before 7 days: an agent message goes with the HUMAN_AGENT tag
 *       until the 7 days end; an auto-reply is denied (the tag is for humans only);
 *   <li>with the legacy "24 + 1" option: one agent message ({@code UPDATE}, no end) as long as
 *       nothing was sent since the window closed, then denied until the customer writes;
 *   <li>otherwise denied with {@link DenialReason#WINDOW_CLOSED}.
 * </ol>
 * Once a decision is denied it stays denied at every later instant of the same context.
 */
record MetaWindowPolicy(ChannelType channel) implements ChannelPolicy {

  MetaWindowPolicy {
    Checks.check(channel == ChannelType.FACEBOOK_MESSENGER || channel == ChannelType.INSTAGRAM,
        "the Meta window policy is for Messenger and Instagram, not " + channel);
  }

  @Override
  public SendDecision decide(SendContext context) {
    Decisions.require(channel, context);
    if (context.kind() == SendKind.TEMPLATE) {
      return Decisions.templateNotSupported(channel);
    }
    if (context.visibility() == Visibility.PUBLIC) {
      return SendDecision.Allowed.plain(Optional.empty());
    }
    if (!context.customerHasWritten()) {
      return Decisions.cannotWriteFirst(channel, ", so no 24-hour window was ever opened");
    }
    Optional<Instant> windowEnd = Decisions.windowEnd(context, ChannelPolicies.MESSAGING_WINDOW);
    if (inside(context, windowEnd)) {
      return SendDecision.Allowed.meta(MessagingType.RESPONSE, windowEnd);
    }
    boolean human = context.kind() == SendKind.AGENT_MESSAGE;
    PolicyOptions options = context.options();
    Optional<Instant> tagEnd = Decisions.windowEnd(context, ChannelPolicies.HUMAN_AGENT_WINDOW);
    if (options.humanAgentTag() && inside(context, tagEnd)) {
      if (human) {
        return SendDecision.Allowed.tagged(MessageTag.HUMAN_AGENT, tagEnd.get());
      }
      return denied(DenialReason.HUMAN_AGENT_NOT_FOR_AUTOMATION, channel.displayName()
          + "'s 24-hour window has closed (" + lastWrote(context)
          + "); only the HUMAN_AGENT tag could still send, until "
          + Decisions.readable(tagEnd.get()) + ", and it is for human agents' messages, not automated ones;"
          + " let an agent answer");
    }
    if (options.legacyOneMoreMessage() && human) {
      if (context.sentSinceWindowClosed() == 0) {
        return SendDecision.Allowed.meta(MessagingType.UPDATE, Optional.empty());
      }
      return denied(DenialReason.LEGACY_EXTRA_MESSAGE_USED, channel.displayName()
          + "'s 24-hour window has closed (" + lastWrote(context) + ") and the one extra message"
          + " allowed after it was already sent; wait until the customer writes again");
    }
    return denied(DenialReason.WINDOW_CLOSED, windowClosedMessage(context, human));
  }

  private String windowClosedMessage(SendContext context, boolean human) {
    String window = context.options().humanAgentTag() && human
        ? "within 24 hours of the customer's last message, or 7 days with the HUMAN_AGENT tag"
        : "within 24 hours of the customer's last message";
    String hint = !context.options().humanAgentTag() && human
        ? " (an account approved for the HUMAN_AGENT tag could answer for 7 days)" : "";
    return channel.displayName() + " allows messages only " + window + "; "
        + lastWrote(context) + "; wait until the customer writes again" + hint;
  }
}
