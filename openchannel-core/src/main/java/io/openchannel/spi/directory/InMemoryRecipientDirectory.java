package io.openchannel.spi.directory;

import io.openchannel.account.AccountId;
import io.openchannel.internal.util.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link RecipientDirectory} in memory: a sorted map per account, so a prefix search reads only
 * the matching range. Thread-safe.
 */
public final class InMemoryRecipientDirectory implements RecipientDirectory {
  private final Map<AccountId, ConcurrentSkipListMap<String, Recipient>> byAccount =
      new ConcurrentHashMap<>();

  InMemoryRecipientDirectory() {}

  /** Adds or replaces the recipient with the same address on {@code account}. */
  public InMemoryRecipientDirectory add(AccountId account, Recipient recipient) {
    Checks.notNull(account, "account");
    Checks.notNull(recipient, "recipient");
    byAccount.computeIfAbsent(account, a -> new ConcurrentSkipListMap<>())
        .put(fold(recipient.address()), recipient);
    return this;
  }

  /** Removes the recipient with that address, if listed. */
  public void remove(AccountId account, String address) {
    var list = byAccount.get(account);
    if (list != null) {
      list.remove(fold(address));
    }
  }

  @Override
  public List<Recipient> search(AccountId account, String prefix, int limit) {
    var list = byAccount.get(account);
    if (list == null || limit <= 0) {
      return List.of();
    }
    String from = fold(prefix);
    NavigableMap<String, Recipient> range = list.tailMap(from, true);
    List<Recipient> found = new ArrayList<>(Math.min(limit, 16));
    for (var e : range.entrySet()) {
      if (!e.getKey().startsWith(from) || found.size() == limit) {
        break;
      }
      found.add(e.getValue());
    }
    return found;
  }

  @Override
  public Optional<Recipient> find(AccountId account, String address) {
    var list = byAccount.get(account);
    return list == null ? Optional.empty() : Optional.ofNullable(list.get(fold(address)));
  }

  private static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
