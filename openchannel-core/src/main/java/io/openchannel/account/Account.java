package io.openchannel.account;

import io.openchannel.InvalidInputException;
import io.openchannel.internal.util.Checks;
import io.openchannel.internal.util.Size;

/**
 * One connection to one external channel (S1): a Facebook Page, a WhatsApp number, a Telegram
 * bot, a generic open-channel endpoint. Immutable.
 *
 * @param id the account's id
 * @param type the channel
 * @param name a human-readable name, shown to agents
 * @param enabled whether the account takes inbound messages and replies
 * @param settings how the account behaves
 * @param version the store's optimistic version; 0 for an account not stored yet
 */
public record Account(
    AccountId id, ChannelType type, String name, boolean enabled, AccountSettings settings,
    long version) {

  /** Validates the account, including that its attachment limit fits the channel's own. */
  public Account {
    Checks.notNull(id, "id");
    Checks.notNull(type, "type");
    name = Checks.name(name, "name", 200);
    Checks.notNull(settings, "settings");
    Checks.notNegative(version, "version");
    long requested = settings.maxAttachmentBytes().orElse(0);
    if (requested > type.maxAttachmentBytes()) {
      throw new InvalidInputException(
          "account " + id + ": maxAttachmentBytes " + Size.format(requested)
              + " is above the " + type.displayName() + " limit of "
              + Size.format(type.maxAttachmentBytes()) + "; choose at most that");
    }
  }

  /**
   * The largest attachment agents may send on this account: the setting if there is one, else
   * 15 MB or the channel's own limit if that is lower.
   */
  public long maxAttachmentBytes() {
    return settings.maxAttachmentBytes().orElse(
        Math.min(AccountSettings.DEFAULT_MAX_ATTACHMENT_BYTES, type.maxAttachmentBytes()));
  }

  /** A new, enabled account with the given settings. */
  public static Account of(AccountId id, ChannelType type, String name, AccountSettings settings) {
    return new Account(id, type, name, true, settings, 0);
  }

  /** With these settings. */
  public Account withSettings(AccountSettings newSettings) {
    return new Account(id, type, name, enabled, newSettings, version);
  }

  /** Enabled or disabled. */
  public Account withEnabled(boolean newEnabled) {
    return new Account(id, type, name, newEnabled, settings, version);
  }

  /** With this name. */
  public Account withName(String newName) {
    return new Account(id, type, newName, enabled, settings, version);
  }

  /** The store sets versions; engines and tests call this only through a store. */
  public Account withVersion(long newVersion) {
    return new Account(id, type, name, enabled, settings, newVersion);
  }
}
