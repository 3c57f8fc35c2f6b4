package io.openchannel.policy;

import io.openchannel.account.ChannelType;
import java.util.Optional;

/**
 * Channels without a messaging window: Teams, X, SMS, the generic channel and Facebook Page
 * comments (public replies). Everything but templates is allowed at any time.
 */
record OpenPolicy(ChannelType channel) implements ChannelPolicy {

  @Override
  public SendDecision decide(SendContext context) {
    Decisions.require(channel, context);
    if (context.kind() == SendKind.TEMPLATE) {
      return Decisions.templateNotSupported(channel);
    }
    return SendDecision.Allowed.plain(Optional.empty());
  }
}
