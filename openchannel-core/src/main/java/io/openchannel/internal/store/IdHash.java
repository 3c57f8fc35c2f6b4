package io.openchannel.internal.store;

import io.openchannel.interaction.InteractionId;
import io.openchannel.message.MessageId;

/**
 * The hash the store's open-addressing maps place keys by. Ids the engine made are
 * time-ordered ({@link PackedId}: a millisecond stamp and a counter first), and a row made now is
 * read and written again within moments (routed, accepted, closed), so such ids are placed by
 * time: 64 consecutive stamps share one randomly placed block of 64 slots, in stamp order. A new
 * row then lands beside the rows made just before it, in cache lines the last writes brought in,
 * rather than on a cold line of a table of millions; blocks are spread like any hash. Every
 * other key is placed by its own hash code, spread.
 */
final class IdHash {
  private static final int BLOCK_BITS = 6;

  private IdHash() {}

  static int of(Object key) {
    String text = key instanceof InteractionId i ? i.value()
        : key instanceof MessageId m ? m.value() : null;
    if (text != null && PackedId.packable(text)) {
      long stamp = PackedId.high(text);
      int block = spread((int) (stamp >>> BLOCK_BITS) ^ (int) (stamp >>> 38));
      return (block & -(1 << BLOCK_BITS)) | (int) (stamp & ((1 << BLOCK_BITS) - 1));
    }
    return spread(key.hashCode());
  }

  private static int spread(int hash) {
    int h = hash * 0x9E3779B9; // spreads hashes that differ only in high bits
    return h ^ (h >>> 16);
  }
}
