package io.openchannel.interaction;

import io.openchannel.account.AccountId;
import io.openchannel.internal.util.Checks;
import java.util.Optional;

/**
 * What makes a conversation unique: the account, the customer's address on it, the visibility
 * and, for public threads, the thread (a Page post, a thread id of the generic channel).
 *
 * @param account the account
 * @param address the customer's id on the account (PSID, wa_id, chat id, phone number...)
 * @param visibility private or public
 * @param threadId the thread, if the channel has threads
 */
public record ConversationKey(
    AccountId account, String address, Visibility visibility, Optional<String> threadId) {
  /** Validates the key. */
  public ConversationKey {
    Checks.notNull(account, "account");
    Checks.identifier(address, "address", 256);
    Checks.notNull(visibility, "visibility");
    Checks.notNull(threadId, "threadId");
    threadId.ifPresent(t -> Checks.identifier(t, "threadId", 256));
  }

  /** A private conversation without thread. */
  public static ConversationKey direct(AccountId account, String address) {
    return new ConversationKey(account, address, Visibility.PRIVATE, Optional.empty());
  }

  /** A stable text form, for logs and lock striping. */
  @Override
  public String toString() {
    return account + "|" + address + "|" + visibility + threadId.map(t -> "|" + t).orElse("");
  }
}
