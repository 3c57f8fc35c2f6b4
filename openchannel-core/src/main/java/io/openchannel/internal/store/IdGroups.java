package io.openchannel.internal.store;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * Groups of ids by key, in insert order: a conversation's interactions, an interaction's
 * messages. A group of one is the bare id; a larger one an array whose unused tail is null, so a
 * group costs no list object and, up to its second member, no array either (a
 * {@code HashMap<K, ArrayList<V>>} kept a node, a list and an array per key, the most objects
 * of any index, all copied and traced by the collector). Not thread-safe: guarded by the store's
 * lock; a group read is valid until the next write.
 */
final class IdGroups<K, V> {
  private final CompactMap<K, Object> groups = new CompactMap<>();

  /** Appends {@code id} to the group of {@code key}. */
  void add(K key, V id) {
    Object group = groups.get(key);
    if (group == null) {
      groups.put(key, id);
    } else if (group instanceof Object[] ids) {
      int size = sizeOf(ids);
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        groups.put(key, ids);
      }
      ids[size] = id;
    } else {
      Object[] ids = new Object[4];
      ids[0] = group;
      ids[1] = id;
      groups.put(key, ids);
    }
  }

  /** The group of {@code key}, oldest first; empty if none. A read-only view, not a copy. */
  @SuppressWarnings("unchecked")
  List<V> get(K key) {
    Object group = groups.get(key);
    if (group == null) {
      return List.of();
    }
    if (group instanceof Object[] ids) {
      int size = sizeOf(ids);
      return new AbstractList<>() {
        @Override
        public V get(int index) {
          java.util.Objects.checkIndex(index, size);
          return (V) ids[index];
        }

        @Override
        public int size() {
          return size;
        }
      };
    }
    return List.of((V) group);
  }

  /** Members fill a prefix of the array: the first null, found by binary search, ends it. */
  private static int sizeOf(Object[] ids) {
    int lo = 0;
    int hi = ids.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ids[mid] != null) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
