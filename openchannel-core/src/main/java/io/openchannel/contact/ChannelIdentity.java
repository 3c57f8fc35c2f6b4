package io.openchannel.contact;

import io.openchannel.account.AccountId;
import io.openchannel.internal.util.Checks;

/**
 * Who a contact is on one account: the page-scoped id on Messenger, the wa_id on WhatsApp, the
 * chat id on Telegram. Scoped by account because most channels' ids are (a PSID means nothing to
 * another Page); the account's map key links identities of one person across accounts.
 *
 * @param account the account the id belongs to
 * @param externalId the channel's id for the person (at most 256 characters)
 */
public record ChannelIdentity(AccountId account, String externalId) {
  /** Validates the identity. */
  public ChannelIdentity {
    Checks.notNull(account, "account");
    Checks.identifier(externalId, "externalId", 256);
  }

  /** Same as the constructor. */
  public static ChannelIdentity of(AccountId account, String externalId) {
    return new ChannelIdentity(account, externalId);
  }

  @Override
  public String toString() {
    return account + ":" + externalId;
  }
}
