package io.openchannel.policy;

import io.openchannel.account.ChannelType;

/**
 * A channel's rules for sending: whether a message may go out now and how (messaging type, tag,
 * template, reply mode), plus the channel's size limits. Built-ins for every {@link ChannelType}
 * come from {@link ChannelPolicies#forChannel(ChannelType)}; a host may supply its own, for
 * example a stricter one for a Meta account whose tag approval was withdrawn.
 *
 * <p>A policy is a pure function of the {@link SendContext}: it reads no clock and no store, so
 * the caller decides what "now" and "the customer's last message" are. Implementations must be
 * immutable and thread-safe.
 */
public interface ChannelPolicy {

  /** The channel whose rules these are. */
  ChannelType channel();

  /**
   * Decides whether the message described by {@code context} may be sent at
   * {@link SendContext#now()}. Never throws for a refusal: that is a {@link SendDecision.Denied}.
   *
   * @throws io.openchannel.InvalidInputException if {@code context} is null or is for another
   *     channel than {@link #channel()}
   */
  SendDecision decide(SendContext context);

  /** The channel's text and attachment limits; by default {@link ChannelLimits#forChannel}. */
  default ChannelLimits limits() {
    return ChannelLimits.forChannel(channel());
  }
}
