package io.openchannel.policy;

import io.openchannel.account.ChannelType;
import io.openchannel.internal.util.Checks;
import java.util.Optional;

/**
 * Telegram and Viber: no window, but a bot may message only users who wrote to it first (Telegram
 * answers 403 "bot can't initiate conversation with a user"). A user who blocked the bot is found
 * out by the connector when sending, not here.
 */
record CustomerFirstPolicy(ChannelType channel) implements ChannelPolicy {

  CustomerFirstPolicy {
    Checks.check(channel == ChannelType.TELEGRAM || channel == ChannelType.VIBER,
        "the customer-first policy is for Telegram and Viber, not " + channel);
  }

  @Override
  public SendDecision decide(SendContext context) {
    Decisions.require(channel, context);
    if (context.kind() == SendKind.TEMPLATE) {
      return Decisions.templateNotSupported(channel);
    }
    if (!context.customerHasWritten()) {
      return Decisions.cannotWriteFirst(channel, " (a bot may message only users who wrote to it)");
    }
    return SendDecision.Allowed.plain(Optional.empty());
  }
}
