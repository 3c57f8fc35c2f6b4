package io.openchannel.internal.engine;

import io.openchannel.account.Account;
import io.openchannel.account.ChannelType;
import io.openchannel.interaction.Conversation;
import io.openchannel.policy.ChannelPolicies;
import io.openchannel.policy.PolicyOptions;
import io.openchannel.policy.SendContext;
import io.openchannel.policy.SendDecision;
import io.openchannel.policy.SendKind;
import java.time.Instant;

/** Asks the channel's policy whether a message may go out now, with the conversation's facts. */
final class SendRules {
  private SendRules() {}

  static SendContext context(Account account, Conversation conversation, SendKind kind,
      Instant now) {
    SendContext.Builder b = SendContext.builder(account.type(), kind, now)
        .customerHasWritten(conversation.lastInboundAt().isPresent())
        .sentSinceWindowClosed(conversation.sentAfterWindow())
        .options(PolicyOptions.of(account.settings()))
        .visibility(conversation.key().visibility());
    conversation.lastInboundAt().ifPresent(at -> {
      b.lastInbound(at);
      if (account.type() == ChannelType.LINE) {
        b.replyTokenIssuedAt(at); // each customer event brings a fresh reply token
      }
    });
    return b.build();
  }

  /**
   * The terms under which the message may be sent, counting it when it goes out after the
   * 24-hour window (the legacy rule allows only one such message).
   *
   * @throws io.openchannel.SendNotAllowedException if the channel's rules refuse it
   */
  static SendDecision.Allowed permit(Transactions.Work work, Account account,
      Conversation conversation, SendKind kind, Instant now) {
    SendDecision.Allowed allowed = ChannelPolicies.decide(context(account, conversation, kind, now))
        .orElseThrow();
    if (conversation.lastInboundAt().isPresent()
        && !now.isBefore(conversation.lastInboundAt().get().plus(ChannelPolicies.MESSAGING_WINDOW))) {
      work.tx().conversations().update(conversation.withOneSentAfterWindow());
    }
    return allowed;
  }
}
