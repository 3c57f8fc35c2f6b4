package io.openchannel.policy;

import io.openchannel.account.ChannelType;
import io.openchannel.internal.util.Checks;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The built-in {@link ChannelPolicy} of each channel. Every policy is an immutable singleton, so
 * this class and what it returns are thread-safe.
 *
 * <p>Windows are half-open: a window that opens at the customer's message {@code t} and lasts
 * {@code d} allows sending while {@code now < t + d}; at exactly {@code t + d} it is closed, and
 * {@code t + d} is the permission's {@link SendDecision#until()}. Meta says "within 24 hours", and
 * refusing at the last millisecond is the safe side of clock skew with Meta's servers.
 *
 * <ul>
 *   <li>Messenger, Instagram: see {@link #MESSAGING_WINDOW}, {@link #HUMAN_AGENT_WINDOW} and
 *       {@link PolicyOptions}. A customer who never wrote cannot be messaged.
 *   <li>WhatsApp: free-form messages within {@link #MESSAGING_WINDOW}; templates at any time.
 *   <li>Telegram, Viber: no window, but the business cannot write first.
 *   <li>LINE: reply token for {@link #LINE_REPLY_TOKEN_LIFETIME}, then push.
 *   <li>Teams, X, SMS, generic, Facebook Page comments: no window. Facebook's private replies to
 *       comments (one message per comment within 7 days) are not modelled: public replies are
 *       always allowed.
 * </ul>
 * Templates ({@link SendKind#TEMPLATE}) exist only on WhatsApp; elsewhere they are refused with
 * {@link DenialReason#TEMPLATE_NOT_SUPPORTED}.
 */
public final class ChannelPolicies {
  /** Meta's standard window (Messenger, Instagram) and WhatsApp's customer-service window. */
  public static final Duration MESSAGING_WINDOW = Duration.ofHours(24);

  /** How long after the customer's last message a human agent may answer with HUMAN_AGENT. */
  public static final Duration HUMAN_AGENT_WINDOW = Duration.ofDays(7);

  /**
   * How long a LINE reply token is used after it was issued: 30 s. LINE asks for use within one
   * minute and guarantees nothing beyond; a developer reported tokens failing after about 30 s.
   * Falling back to push early costs one push message; trying a stale token costs a failed call
   * and then a push anyway, so we stop at the shortest lifetime reported.
   */
  public static final Duration LINE_REPLY_TOKEN_LIFETIME = Duration.ofSeconds(30);

  private static final Map<ChannelType, ChannelPolicy> BUILT_IN = new EnumMap<>(ChannelType.class);

  static {
    for (ChannelType type : ChannelType.values()) {
      BUILT_IN.put(type, create(type));
    }
  }

  private ChannelPolicies() {}

  /**
   * The built-in policy of a channel.
   *
   * @throws io.openchannel.InvalidInputException if {@code type} is null
   */
  public static ChannelPolicy forChannel(ChannelType type) {
    return BUILT_IN.get(Checks.notNull(type, "type"));
  }

  /**
   * Shorthand for {@code forChannel(context.channel()).decide(context)}.
   *
   * @throws io.openchannel.InvalidInputException if {@code context} is null
   */
  public static SendDecision decide(SendContext context) {
    return forChannel(Checks.notNull(context, "context").channel()).decide(context);
  }

  private static ChannelPolicy create(ChannelType type) {
    return switch (type) {
      case FACEBOOK_MESSENGER, INSTAGRAM -> new MetaWindowPolicy(type);
      case WHATSAPP -> new WhatsAppPolicy();
      case TELEGRAM, VIBER -> new CustomerFirstPolicy(type);
      case LINE -> new LinePolicy();
      case FACEBOOK_PAGE, TEAMS, TWITTER, SMS, GENERIC -> new OpenPolicy(type);
    };
  }
}
