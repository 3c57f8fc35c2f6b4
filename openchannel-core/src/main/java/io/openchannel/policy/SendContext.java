package io.openchannel.policy;

import io.openchannel.account.ChannelType;
import io.openchannel.interaction.Visibility;
import io.openchannel.internal.util.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything a {@link ChannelPolicy} needs to decide whether a message may be sent now. Immutable;
 * build one with {@link #builder(ChannelType, SendKind, Instant)}.
 *
 * @param channel the account's channel
 * @param kind what is being sent
 * @param now the engine's clock
 * @param lastInbound when the customer last wrote in this conversation (the thread between the
 *     account and the contact, across its interactions); use the channel's own timestamp of the
 *     message. Empty if the customer never wrote, or if it is not known (then any window counts as
 *     closed)
 * @param customerHasWritten whether the customer ever wrote to this account; false means this
 *     would be a business-initiated first contact. Must be true when {@code lastInbound} is present
 * @param sentSinceWindowClosed how many messages the business sent after the 24 h window closed
 *     and since the customer's last message; only the legacy "24 + 1" rule reads it
 * @param replyTokenIssuedAt LINE: when the still unused reply token of the customer's last event
 *     was issued (the webhook event's timestamp); empty if there is none or it was used. Other
 *     channels ignore it
 * @param options the account's policy options
 * @param visibility whether the reply is private (a message to the customer) or public (a reply
 *     to a comment under a post, S23), which messaging windows do not limit
 */
public record SendContext(
    ChannelType channel,
    SendKind kind,
    Instant now,
    Optional<Instant> lastInbound,
    boolean customerHasWritten,
    int sentSinceWindowClosed,
    Optional<Instant> replyTokenIssuedAt,
    PolicyOptions options,
    Visibility visibility) {

  /**
   * Validates the context.
   *
   * @throws io.openchannel.InvalidInputException if a value is null, the count is negative, or
   *     {@code lastInbound} is present while {@code customerHasWritten} is false
   */
  public SendContext {
    Checks.notNull(channel, "channel");
    Checks.notNull(kind, "kind");
    Checks.notNull(now, "now");
    Checks.notNull(lastInbound, "lastInbound");
    Checks.notNull(replyTokenIssuedAt, "replyTokenIssuedAt");
    Checks.notNull(options, "options");
    Checks.notNull(visibility, "visibility");
    Checks.notNegative(sentSinceWindowClosed, "sentSinceWindowClosed");
    Checks.check(customerHasWritten || lastInbound.isEmpty(),
        () -> "customerHasWritten is false but lastInbound is " + lastInbound.orElse(null)
            + "; a customer who wrote has written");
  }

  /** A builder for a context in which the customer never wrote, with no options. */
  public static Builder builder(ChannelType channel, SendKind kind, Instant now) {
    return new Builder(channel, kind, now);
  }

  /** This context at another instant (for asking "and later?"). */
  public SendContext at(Instant when) {
    return new SendContext(channel, kind, when, lastInbound, customerHasWritten,
        sentSinceWindowClosed, replyTokenIssuedAt, options, visibility);
  }

  /** Builds a {@link SendContext}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private final ChannelType channel;
    private final SendKind kind;
    private final Instant now;
    private Instant lastInbound;
    private boolean customerHasWritten;
    private int sentSinceWindowClosed;
    private Instant replyTokenIssuedAt;
    private PolicyOptions options = PolicyOptions.NONE;
    private Visibility visibility = Visibility.PRIVATE;

    private Builder(ChannelType channel, SendKind kind, Instant now) {
      this.channel = channel;
      this.kind = kind;
      this.now = now;
    }

    /** When the customer last wrote; also sets {@link #customerHasWritten(boolean)} to true. */
    public Builder lastInbound(Instant when) {
      this.lastInbound = when;
      this.customerHasWritten = customerHasWritten || when != null;
      return this;
    }

    /** Whether the customer ever wrote, for when the time of their last message is not known. */
    public Builder customerHasWritten(boolean written) {
      this.customerHasWritten = written;
      return this;
    }

    /** How many messages were sent after the 24 h window closed (legacy "24 + 1" rule). */
    public Builder sentSinceWindowClosed(int count) {
      this.sentSinceWindowClosed = count;
      return this;
    }

    /** LINE: when the unused reply token was issued; {@code null} for none. */
    public Builder replyTokenIssuedAt(Instant when) {
      this.replyTokenIssuedAt = when;
      return this;
    }

    /** The account's policy options; default {@link PolicyOptions#NONE}. */
    public Builder options(PolicyOptions policyOptions) {
      this.options = policyOptions;
      return this;
    }

    /** Whether the reply is private or public; default {@link Visibility#PRIVATE}. */
    public Builder visibility(Visibility replyVisibility) {
      this.visibility = replyVisibility;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws io.openchannel.InvalidInputException naming the bad value
     */
    public SendContext build() {
      return new SendContext(channel, kind, now, Optional.ofNullable(lastInbound),
          customerHasWritten, sentSinceWindowClosed, Optional.ofNullable(replyTokenIssuedAt),
          options, visibility);
    }
  }
}
