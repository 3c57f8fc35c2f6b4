package io.openchannel.policy;

import io.openchannel.account.ChannelType;
import java.time.Instant;
import java.util.Optional;

/**
 * LINE: while {@code now} is before the unused reply token's issue time plus
 * {@link ChannelPolicies#LINE_REPLY_TOKEN_LIFETIME}, reply with the token (free); otherwise push.
 * Sending is never refused (except templates): LINE has no window.
 */
record LinePolicy() implements ChannelPolicy {

  @Override
  public ChannelType channel() {
    return ChannelType.LINE;
  }

  @Override
  public SendDecision decide(SendContext context) {
    Decisions.require(channel(), context);
    if (context.kind() == SendKind.TEMPLATE) {
      return Decisions.templateNotSupported(channel());
    }
    Optional<Instant> tokenEnd = context.replyTokenIssuedAt()
        .map(issued -> issued.plus(ChannelPolicies.LINE_REPLY_TOKEN_LIFETIME));
    if (Decisions.inside(context, tokenEnd)) {
      return SendDecision.Allowed.line(ReplyMode.REPLY_TOKEN, tokenEnd);
    }
    return SendDecision.Allowed.line(ReplyMode.PUSH, Optional.empty());
  }
}
