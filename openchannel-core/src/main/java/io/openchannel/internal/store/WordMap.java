package io.openchannel.internal.store;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Words to values for the text index: an exact lookup by hash, and the words in order for
 * prefix search. A {@code TreeMap} did both, but every word of every message and contact walked
 * its tree, about twenty nodes scattered over the heap for a vocabulary of a million, for a
 * lookup that is nearly always of a word already known. Here a lookup is one hash probe; a new
 * word joins a small sorted buffer, which is merged into one sorted array when it fills, so
 * order costs an amortised copy of a few references per new word and nothing per known one.
 * Prefix search, far rarer than indexing, searches the array and the buffer. Not thread-safe:
 * guarded by the store's lock.
 *
 * @param <V> what each word maps to
 */
final class WordMap<V> {
  private static final int DEFAULT_BUFFER = 4_096;

  private final CompactMap<String, V> byWord = new CompactMap<>();
  private String[] sorted = new String[0];
  private int sortedCount;
  private final TreeSet<String> recent = new TreeSet<>();
  /** New words wait in {@link #recent}, in order, until there are this many. */
  private final int buffer;

  WordMap() {
    this(DEFAULT_BUFFER);
  }

  WordMap(int buffer) {
    this.buffer = buffer;
  }

  int size() {
    return byWord.size();
  }

  /** The value of {@code word}, or null. */
  V get(String word) {
    return byWord.get(word);
  }

  /** The value of {@code word}, made by {@code fresh} and kept if it had none. */
  V getOrAdd(String word, Supplier<V> fresh) {
    V value = byWord.get(word);
    if (value == null) {
      value = fresh.get();
      byWord.put(word, value);
      recent.add(word);
      if (recent.size() >= buffer) {
        merge();
      }
    }
    return value;
  }

  /** Forgets {@code word} and its value. */
  void remove(String word) {
    V value = byWord.get(word);
    if (value == null || !byWord.remove(word, value)) {
      return;
    }
    if (!recent.remove(word)) { // rare (a contact's name changes): a copy of the array's tail
      int at = Arrays.binarySearch(sorted, 0, sortedCount, word);
      System.arraycopy(sorted, at + 1, sorted, at, sortedCount - at - 1);
      sorted[--sortedCount] = null;
    }
  }

  /** Hands {@code sink} the value of every word that starts with {@code prefix}. */
  void forEachStartingWith(String prefix, Consumer<V> sink) {
    int at = Arrays.binarySearch(sorted, 0, sortedCount, prefix);
    for (int i = at >= 0 ? at : ~at; i < sortedCount && sorted[i].startsWith(prefix); i++) {
      sink.accept(byWord.get(sorted[i]));
    }
    // Every word starting with the prefix sorts between it and the prefix plus the highest char.
    for (String word : recent.subSet(prefix, true, prefix + Character.MAX_VALUE, false)) {
      sink.accept(byWord.get(word));
    }
  }

  private void merge() {
    String[] merged = new String[Math.max(16, Integer.highestOneBit(sortedCount + recent.size()) * 2)];
    int i = 0;
    int n = 0;
    for (String word : recent) {
      while (i < sortedCount && sorted[i].compareTo(word) < 0) {
        merged[n++] = sorted[i++];
      }
      merged[n++] = word;
    }
    while (i < sortedCount) {
      merged[n++] = sorted[i++];
    }
    sorted = merged;
    sortedCount = n;
    recent.clear();
  }
}
