package io.openchannel.internal.store;

/**
 * Ids to dense row numbers, in open addressing (linear probing): hashes, keys and row numbers in
 * three arrays, about 18 bytes an entry at the kept load, where a {@code HashMap<Id, Integer>}
 * kept a node of 32 bytes and an {@code Integer} of 16 per row, two more objects for the
 * collector to copy and trace. Entries are never removed (rows are never deleted). Not
 * thread-safe: guarded by the store's lock.
 */
final class RowNumbers {
  private static final int MIN_CAPACITY = 16;

  private int[] hashes = new int[MIN_CAPACITY];
  private Object[] keys = new Object[MIN_CAPACITY];
  private int[] rows = new int[MIN_CAPACITY];
  private int size;

  /** The row of {@code key}, or -1 if it has none. */
  int get(Object key) {
    Object[] ks = keys;
    int[] hs = hashes;
    int mask = ks.length - 1;
    int h = hash(key);
    for (int i = h & mask; ; i = (i + 1) & mask) {
      Object k = ks[i];
      if (k == null) {
        return -1;
      }
      if (hs[i] == h && k.equals(key)) {
        return rows[i];
      }
    }
  }

  /** Gives {@code key} the row {@code row} (not negative), replacing any row it had. */
  void put(Object key, int row) {
    if (key == null || row < 0) {
      throw new IllegalArgumentException("RowNumbers takes a key and a row of at least 0");
    }
    int mask = keys.length - 1;
    int h = hash(key);
    int i = h & mask;
    for (; keys[i] != null; i = (i + 1) & mask) {
      if (hashes[i] == h && keys[i].equals(key)) {
        rows[i] = row;
        return;
      }
    }
    hashes[i] = h;
    keys[i] = key;
    rows[i] = row;
    if (++size * 3 > keys.length * 2) {
      grow();
    }
  }

  private void grow() {
    int[] oldHashes = hashes;
    Object[] oldKeys = keys;
    int[] oldRows = rows;
    hashes = new int[oldKeys.length * 2];
    keys = new Object[oldKeys.length * 2];
    rows = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int j = oldHashes[i] & mask;
        while (keys[j] != null) {
          j = (j + 1) & mask;
        }
        hashes[j] = oldHashes[i];
        keys[j] = oldKeys[i];
        rows[j] = oldRows[i];
      }
    }
  }

  private static int hash(Object key) {
    int h = key.hashCode() * 0x9E3779B9; // spreads ids whose hashes differ only in high bits
    return h ^ (h >>> 16);
  }
}
