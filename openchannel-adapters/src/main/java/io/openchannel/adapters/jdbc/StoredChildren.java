package io.openchannel.adapters.jdbc;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one transaction knows to be stored in a child table (tags, search words) for the rows it
 * read or wrote, with the row's version at that moment. Child rows are written only together with
 * their row, in the same transaction, so when an update's {@code WHERE version = ?} matched the
 * version remembered here, the children are still the remembered ones and an unchanged value
 * needs no statement. A value remembered at another version proves nothing, so it is rewritten.
 *
 * @param <V> what the children are made from, compared with {@code equals}
 */
final class StoredChildren<V> {
  private record Known<V>(long version, V value) {}

  private final Map<String, Known<V>> known = new HashMap<>();

  /** Remembers that row {@code id} at {@code version} has the children of {@code value}. */
  void remember(String id, long version, V value) {
    known.put(id, new Known<>(version, value));
  }

  /** Whether row {@code id}, stored at {@code version}, is known to have {@code value}'s children. */
  boolean unchanged(String id, long version, V value) {
    Known<V> k = known.get(id);
    return k != null && k.version() == version && Objects.equals(k.value(), value);
  }
}
