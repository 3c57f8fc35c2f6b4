package io.openchannel.spi.directory;

import io.openchannel.account.AccountId;
import java.util.List;
import java.util.Optional;

/**
 * The recipient list of each account (S26): who agents may write to first. The engine validates
 * the search prefix (at least three letters or digits) before calling {@link #search}.
 * Implementations are thread-safe.
 */
public interface RecipientDirectory {
  /**
   * Recipients of {@code account} whose address starts with {@code prefix}, compared without
   * regard to case, at most {@code limit}, ordered by address.
   */
  List<Recipient> search(AccountId account, String prefix, int limit);

  /** The recipient of {@code account} with exactly this address, if listed. */
  Optional<Recipient> find(AccountId account, String address);

  /** A directory held in memory, filled with {@link InMemoryRecipientDirectory#add}. */
  static InMemoryRecipientDirectory inMemory() {
    return new InMemoryRecipientDirectory();
  }
}
