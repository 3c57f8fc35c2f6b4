package io.openchannel.internal.engine;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates ids that sort by creation time (like UUIDv7: 48 bits of milliseconds, then a
 * counter and randomness), so stores can keep them in index order and logs read in order.
 * Unique across engines sharing a database thanks to the random node part.
 */
final class Ids {
  private static final byte[] ALPHABET =
      "0123456789abcdefghijklmnopqrstuv".getBytes(StandardCharsets.ISO_8859_1);

  private final Clock clock;
  private final long node;
  private final AtomicLong last = new AtomicLong();

  Ids(Clock clock) {
    this.clock = clock;
    this.node = new SecureRandom().nextLong() & 0xFFFF_FFFFL;
  }

  /** A new id: 26 characters of base 32, time-ordered within this generator. */
  String next() {
    long millis = clock.millis();
    // The low 16 bits count ids within one millisecond; the clock may stand still (manual clocks)
    // or step back, so the sequence only ever grows.
    long stamp;
    long prev;
    do { // a loop rather than updateAndGet: its lambda would capture millis, an object per id
      prev = last.get();
      stamp = Math.max(prev + 1, millis << 16);
    } while (!last.compareAndSet(prev, stamp));
    // Bytes, not a StringBuilder: three ids per routing cycle, and the builder cost an object,
    // an array and a bounds check per character on top of the string's own copy.
    byte[] id = new byte[26];
    put(id, 0, stamp, 13);
    put(id, 13, node, 7);
    put(id, 20, Long.reverse(stamp) ^ node, 6);
    return new String(id, StandardCharsets.ISO_8859_1);
  }

  private static void put(byte[] into, int at, long value, int digits) {
    for (int i = 0; i < digits; i++) {
      into[at + i] = ALPHABET[(int) ((value >>> (5 * (digits - 1 - i))) & 31)];
    }
  }
}
