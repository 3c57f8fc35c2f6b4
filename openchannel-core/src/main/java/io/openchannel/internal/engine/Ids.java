package io.openchannel.internal.engine;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates ids that sort by creation time (like UUIDv7: 48 bits of milliseconds, then a
 * counter and randomness), so stores can keep them in index order and logs read in order.
 * Unique across engines sharing a database thanks to the random node part.
 */
final class Ids {
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();

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
    StringBuilder sb = new StringBuilder(26);
    append(sb, stamp, 13);
    append(sb, node, 7);
    append(sb, Long.reverse(stamp) ^ node, 6);
    return sb.toString();
  }

  private static void append(StringBuilder sb, long value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      sb.append(ALPHABET[(int) ((value >>> (5 * i)) & 31)]);
    }
  }
}
