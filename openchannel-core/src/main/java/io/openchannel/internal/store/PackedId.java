package io.openchannel.internal.store;

import java.nio.charset.StandardCharsets;

/**
 * The engine's generated ids (26 characters of base 32, {@code 0-9a-v}, as two 13-character
 * halves of at most 64 bits each) packed into two longs, so the store can keep a row's id in the
 * row instead of as an id object, its string and that string's bytes: three objects and 88 bytes
 * per message otherwise, all kept for as long as the message and traced by every collection.
 * Any other id (a host's own, a test's) is simply not packable and stays an object.
 */
final class PackedId {
  static final int LENGTH = 26;
  private static final int HALF = 13;
  private static final byte[] ALPHABET =
      "0123456789abcdefghijklmnopqrstuv".getBytes(StandardCharsets.ISO_8859_1);

  private PackedId() {}

  /** Whether {@code id} packs and unpacks to itself. */
  static boolean packable(String id) {
    if (id.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      int digit = digit(id.charAt(i));
      // A half's first character holds the top 4 of its 64 bits, so 16 and up would overflow.
      if (digit < 0 || ((i == 0 || i == HALF) && digit >= 16)) {
        return false;
      }
    }
    return true;
  }

  /** The first half of a {@link #packable} id. */
  static long high(String id) {
    return half(id, 0);
  }

  /** The second half of a {@link #packable} id. */
  static long low(String id) {
    return half(id, HALF);
  }

  /** Whether {@code id} is the id that {@code high} and {@code low} pack, without unpacking it. */
  static boolean is(String id, long high, long low) {
    return packable(id) && half(id, 0) == high && half(id, HALF) == low;
  }

  /** The id that {@code high} and {@code low} pack. */
  static String unpack(long high, long low) {
    byte[] text = new byte[LENGTH];
    put(text, 0, high);
    put(text, HALF, low);
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  private static long half(String id, int from) {
    long value = 0;
    for (int i = from; i < from + HALF; i++) {
      value = value << 5 | digit(id.charAt(i));
    }
    return value;
  }

  private static void put(byte[] into, int from, long value) {
    for (int i = from + HALF - 1; i >= from; i--) {
      into[i] = ALPHABET[(int) (value & 31)];
      value >>>= 5;
    }
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'v') {
      return c - 'a' + 10;
    }
    return -1;
  }
}
