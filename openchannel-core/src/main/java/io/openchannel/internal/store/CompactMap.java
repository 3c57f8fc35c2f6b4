package io.openchannel.internal.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A hash map with open addressing (linear probing, deletion by backward shift) for the
 * in-memory store's large maps: hashes, keys and values sit in three arrays, so an entry costs
 * three array slots (about 18 bytes at the kept load) instead of a {@code HashMap} node of 32 plus
 * its slot, and the collector has one object less to trace per stored row. A key and its value
 * sit side by side in one array, so a hit reads one cache line for both rather than one each. Probes compare the
 * kept hash first, so a probe past another key does not read that key (a cache miss in a map of
 * millions). Null keys and values are not allowed. Not thread-safe: guarded by the store's lock.
 */
final class CompactMap<K, V> {
  private static final int MIN_CAPACITY = 16;

  private int[] hashes = new int[MIN_CAPACITY];
  /** Slot {@code i}'s key at {@code 2i}, its value at {@code 2i + 1}. */
  private Object[] entries = new Object[2 * MIN_CAPACITY];
  private int size;

  int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  V get(Object key) {
    Object[] es = entries;
    int[] hs = hashes;
    int mask = hs.length - 1;
    int h = hash(key);
    for (int i = h & mask; ; i = (i + 1) & mask) {
      Object k = es[2 * i];
      if (k == null) {
        return null;
      }
      if (hs[i] == h && (k == key || k.equals(key))) {
        return (V) es[2 * i + 1];
      }
    }
  }

  /** The value of {@code key}, or {@code fallback} if there is none. */
  V getOrDefault(Object key, V fallback) {
    V value = get(key);
    return value != null ? value : fallback;
  }

  /** Puts the entry; returns the value it replaced, or null. */
  @SuppressWarnings("unchecked")
  V put(K key, V value) {
    if (key == null || value == null) {
      throw new NullPointerException("CompactMap holds no nulls");
    }
    int mask = hashes.length - 1;
    int h = hash(key);
    int i = h & mask;
    for (Object k; (k = entries[2 * i]) != null; i = (i + 1) & mask) {
      if (hashes[i] == h && (k == key || k.equals(key))) {
        V old = (V) entries[2 * i + 1];
        entries[2 * i + 1] = value;
        return old;
      }
    }
    hashes[i] = h;
    entries[2 * i] = key;
    entries[2 * i + 1] = value;
    // Grow at 2/3 full: probes stay short and an entry averages about 3 slots of 4 bytes.
    if (++size * 3 > hashes.length * 2) {
      grow();
    }
    return null;
  }

  /** Removes the entry if the key maps to exactly {@code value} (by equals); true if it did. */
  boolean remove(Object key, Object value) {
    int mask = hashes.length - 1;
    int h = hash(key);
    for (int i = h & mask; entries[2 * i] != null; i = (i + 1) & mask) {
      Object k = entries[2 * i];
      if (hashes[i] == h && (k == key || k.equals(key))) {
        if (!entries[2 * i + 1].equals(value)) {
          return false;
        }
        deleteAt(i, mask);
        size--;
        return true;
      }
    }
    return false;
  }

  /** Every value, in no particular order, as a new list. */
  @SuppressWarnings("unchecked")
  List<V> values() {
    List<V> out = new ArrayList<>(size);
    for (int i = 0; i < hashes.length; i++) {
      if (entries[2 * i] != null) {
        out.add((V) entries[2 * i + 1]);
      }
    }
    return out;
  }

  /** Empties slot {@code i} and moves later entries of its run back, so no probe chain breaks. */
  private void deleteAt(int i, int mask) {
    int gap = i;
    for (int j = (gap + 1) & mask; entries[2 * j] != null; j = (j + 1) & mask) {
      int home = hashes[j] & mask;
      // The entry at j may fill the gap unless its home lies cyclically in (gap, j].
      boolean homeBetween = gap <= j ? (home > gap && home <= j) : (home > gap || home <= j);
      if (!homeBetween) {
        hashes[gap] = hashes[j];
        entries[2 * gap] = entries[2 * j];
        entries[2 * gap + 1] = entries[2 * j + 1];
        gap = j;
      }
    }
    hashes[gap] = 0;
    entries[2 * gap] = null;
    entries[2 * gap + 1] = null;
  }

  private void grow() {
    int[] oldHashes = hashes;
    Object[] oldEntries = entries;
    hashes = new int[oldHashes.length * 2];
    entries = new Object[oldEntries.length * 2];
    int mask = hashes.length - 1;
    for (int i = 0; i < oldHashes.length; i++) {
      Object k = oldEntries[2 * i];
      if (k != null) {
        int j = oldHashes[i] & mask; // no key is read: growing touches only the arrays
        while (entries[2 * j] != null) {
          j = (j + 1) & mask;
        }
        hashes[j] = oldHashes[i];
        entries[2 * j] = k;
        entries[2 * j + 1] = oldEntries[2 * i + 1];
      }
    }
  }

  private static int hash(Object key) {
    int h = key.hashCode() * 0x9E3779B9; // spreads ids whose hashes differ only in high bits
    return h ^ (h >>> 16);
  }
}
