package io.openchannel.policy;

import io.openchannel.account.AccountSettings;
import io.openchannel.internal.util.Checks;

/**
 * The account's choices that change its channel's rules. Immutable.
 *
 * @param humanAgentTag Meta approved the {@code HUMAN_AGENT} tag for the account (Messenger,
 *     Instagram): human agents may answer up to 7 days after the customer's last message
 * @param legacyOneMoreMessage the reference product's retired "24 + 1" rule (S20): after the 24 h
 *     window one more agent message, then none until the customer writes again
 */
public record PolicyOptions(boolean humanAgentTag, boolean legacyOneMoreMessage) {
  /** Neither option: the channels' current rules only. */
  public static final PolicyOptions NONE = new PolicyOptions(false, false);

  /**
   * The options set on an account.
   *
   * @throws io.openchannel.InvalidInputException if {@code settings} is null
   */
  public static PolicyOptions of(AccountSettings settings) {
    Checks.notNull(settings, "settings");
    return new PolicyOptions(settings.humanAgentTag(), settings.legacyOneMoreMessage());
  }
}
