package io.openchannel.internal.store;

import io.openchannel.interaction.InteractionId;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/**
 * One order of the interactions view: rows by a time, newest first, then by id, highest first
 * (the order of {@code SortKey}). Entries are kept oldest first in chunks of parallel arrays, so
 * a row costs its time, a reference to its id and its row number (about 20 bytes, 27 at the usual
 * fill) where a {@code TreeSet} of key records cost two objects and 72 bytes, and the collector
 * copies and traces chunks, not a node per row. New rows are the newest and append to the last
 * chunk; a chunk that fills splits, and one that empties below a quarter merges into a neighbour
 * with room, so chunks stay at least a quarter full on average. Not thread-safe: guarded by the
 * store's lock.
 *
 * <p>A <em>bound</em> is a time with a null id: it sorts after every key of its time in the view's
 * order, so "newer than the bound" leaves the time out.
 */
final class TimeOrder {
  static final int CHUNK = 128;

  private final List<Chunk> chunks = new ArrayList<>();
  private int size;

  private static final class Chunk {
    final long[] seconds = new long[CHUNK];
    final int[] nanos = new int[CHUNK];
    final InteractionId[] ids = new InteractionId[CHUNK];
    final int[] rows = new int[CHUNK];
    int size;

    /** Entry {@code i} against a key or bound, oldest first: negative if the entry is older. */
    int compare(int i, long second, int nano, InteractionId id) {
      if (seconds[i] != second) {
        return seconds[i] < second ? -1 : 1;
      }
      if (nanos[i] != nano) {
        return nanos[i] < nano ? -1 : 1;
      }
      return id == null ? 1 : ids[i].compareTo(id);
    }

    void set(int i, long second, int nano, InteractionId id, int row) {
      seconds[i] = second;
      nanos[i] = nano;
      ids[i] = id;
      rows[i] = row;
    }

    /** Moves {@code count} entries from {@code from} of {@code src} to {@code to} of this chunk. */
    void copy(Chunk src, int from, int to, int count) {
      System.arraycopy(src.seconds, from, seconds, to, count);
      System.arraycopy(src.nanos, from, nanos, to, count);
      System.arraycopy(src.ids, from, ids, to, count);
      System.arraycopy(src.rows, from, rows, to, count);
    }

    void clear(int from, int to) {
      java.util.Arrays.fill(ids, from, to, null); // the ids are the only references held
    }
  }

  int size() {
    return size;
  }

  /** Adds a key (its time, its id, its row); the caller never adds a time and id twice. */
  void add(long second, int nano, InteractionId id, int row) {
    long at = ceiling(second, nano, id);
    int c = chunkOf(at);
    int i = indexOf(at);
    if (c > 0 && i == 0 && chunks.get(c - 1).size < CHUNK) {
      c--; // the end of the previous chunk is the same place, and has room
      i = chunks.get(c).size;
    } else if (c == chunks.size()) {
      if (c == 0 || chunks.get(c - 1).size == CHUNK) {
        chunks.add(new Chunk()); // appending: start a chunk rather than split a full one
        i = 0;
      } else {
        c--;
        i = chunks.get(c).size;
      }
    }
    Chunk chunk = chunks.get(c);
    if (chunk.size == CHUNK) {
      Chunk upper = new Chunk();
      int half = CHUNK / 2;
      upper.copy(chunk, half, 0, CHUNK - half);
      upper.size = CHUNK - half;
      chunk.clear(half, CHUNK);
      chunk.size = half;
      chunks.add(c + 1, upper);
      if (i > half) {
        chunk = upper;
        i -= half;
      }
    }
    chunk.copy(chunk, i, i + 1, chunk.size - i);
    chunk.set(i, second, nano, id, row);
    chunk.size++;
    size++;
  }

  /** Removes the key of this time and id; false if there is none. */
  boolean remove(long second, int nano, InteractionId id) {
    long at = ceiling(second, nano, id);
    int c = chunkOf(at);
    int i = indexOf(at);
    if (c == chunks.size() || chunks.get(c).compare(i, second, nano, id) != 0) {
      return false;
    }
    Chunk chunk = chunks.get(c);
    chunk.copy(chunk, i + 1, i, chunk.size - i - 1);
    chunk.size--;
    chunk.clear(chunk.size, chunk.size + 1);
    size--;
    if (chunk.size == 0) {
      chunks.remove(c);
    } else if (chunk.size < CHUNK / 4) {
      mergeIfRoom(c);
    }
    return true;
  }

  private void mergeIfRoom(int c) {
    Chunk chunk = chunks.get(c);
    if (c + 1 < chunks.size() && chunks.get(c + 1).size + chunk.size <= CHUNK) {
      Chunk next = chunks.get(c + 1);
      chunk.copy(next, 0, chunk.size, next.size);
      chunk.size += next.size;
      chunks.remove(c + 1);
    } else if (c > 0 && chunks.get(c - 1).size + chunk.size <= CHUNK) {
      Chunk previous = chunks.get(c - 1);
      previous.copy(chunk, 0, previous.size, chunk.size);
      previous.size += chunk.size;
      chunks.remove(c);
    }
  }

  /**
   * The rows in the view's order (newest first) strictly after {@code from} and strictly before
   * {@code to}; a null time means no limit on that side. Keys and bounds alike.
   */
  PrimitiveIterator.OfInt rows(Probe from, Probe to) {
    // Oldest first inside, so the view's order walks down: from the entry below {@code from}
    // (newer in the view is larger inside) to the first not above {@code to}.
    long start = from == null ? position(chunks.size(), 0) : ceiling(from.second, from.nano, from.id);
    return new PrimitiveIterator.OfInt() {
      int c = chunkOf(start);
      int i = indexOf(start);
      boolean ready;
      boolean done;

      private void advance() {
        if (ready || done) {
          return;
        }
        i--;
        while (i < 0) {
          c--;
          if (c < 0) {
            done = true;
            return;
          }
          i = chunks.get(c).size - 1;
        }
        if (to != null && chunks.get(c).compare(i, to.second, to.nano, to.id) <= 0) {
          done = true;
          return;
        }
        ready = true;
      }

      @Override
      public boolean hasNext() {
        advance();
        return !done;
      }

      @Override
      public int nextInt() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ready = false;
        return chunks.get(c).rows[i];
      }
    };
  }

  /** A key or a bound to start or stop at (a null id is a bound). */
  record Probe(long second, int nano, InteractionId id) {}

  /** The first entry not older than the key or bound, as a position; past the end if none. */
  private long ceiling(long second, int nano, InteractionId id) {
    int lo = 0;
    int hi = chunks.size();
    // New interactions and new messages are the newest: past the end, which the search would
    // find after reading a chunk at every step of its way (each a cache miss in a large order).
    if (hi > 0) {
      Chunk last = chunks.get(hi - 1);
      if (last.compare(last.size - 1, second, nano, id) < 0) {
        return position(hi, 0);
      }
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      Chunk m = chunks.get(mid);
      if (m.compare(m.size - 1, second, nano, id) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo == chunks.size()) {
      return position(lo, 0);
    }
    Chunk chunk = chunks.get(lo);
    int a = 0;
    int b = chunk.size - 1; // the last entry is not older: the answer is at or before it
    while (a < b) {
      int mid = (a + b) >>> 1;
      if (chunk.compare(mid, second, nano, id) < 0) {
        a = mid + 1;
      } else {
        b = mid;
      }
    }
    return position(lo, a);
  }

  private static long position(int chunk, int index) {
    return ((long) chunk << 32) | index;
  }

  private static int chunkOf(long position) {
    return (int) (position >>> 32);
  }

  private static int indexOf(long position) {
    return (int) position;
  }
}
