/**
 * Channel rules: whether a message may be sent now, and how ({@link
 * io.openchannel.policy.ChannelPolicy}, {@link io.openchannel.policy.SendDecision}), and what one
 * message may carry ({@link io.openchannel.policy.ChannelLimits}).
 *
 * <p>Everything here is a pure function of its arguments: no clock, no store, no I/O. The caller
 * builds a {@link io.openchannel.policy.SendContext} from the conversation (the customer's last
 * message, how many messages went out since the window closed, LINE's unused reply token) and
 * the account ({@link io.openchannel.policy.PolicyOptions#of}), asks
 * {@link io.openchannel.policy.ChannelPolicies#decide}, and either sends as the
 * {@link io.openchannel.policy.SendDecision.Allowed} says or shows the
 * {@link io.openchannel.policy.SendDecision.Denied}'s message. All types are immutable and
 * thread-safe.
 */
package io.openchannel.policy;
