package io.openchannel.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.interaction.InteractionId;
import io.openchannel.message.MessageId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link IdHash} places the engine's time-ordered ids side by side, and the maps that use it
 * still answer like a HashMap when ids come in long runs of neighbours (the clustering it makes).
 */
class IdHashTest {
  private static MessageId message(long stamp, long tail) {
    return MessageId.of(PackedId.unpack(stamp, tail));
  }

  @Test
  void consecutiveStampsSitSideBySideAndEqualIdsHashAlike() {
    long stamp = 1_764_000_000_000L << 16;
    int first = IdHash.of(message(stamp, 7));
    for (int k = 1; k < 64; k++) {
      assertThat(IdHash.of(message(stamp + k, 7))).isEqualTo(first + k);
    }
    assertThat(IdHash.of(message(stamp + 64, 7))).isNotEqualTo(first + 64); // the next block
    assertThat(IdHash.of(MessageId.of(PackedId.unpack(stamp, 7))))
        .isEqualTo(IdHash.of(message(stamp, 7)));
    assertThat(IdHash.of(InteractionId.of(PackedId.unpack(stamp, 9))))
        .isEqualTo(IdHash.of(message(stamp, 9))); // only the stamp places an id
    assertThat(IdHash.of(MessageId.of("msg-1"))).isEqualTo(IdHash.of(MessageId.of("msg-1")));
  }

  /** Runs of consecutive stamps from a few points in time, as engines make them. */
  @Provide
  Arbitrary<List<long[]>> runs() {
    return Arbitraries.longs().between(0, 5).flatMap(start -> Arbitraries.integers().between(1, 90)
        .map(length -> new long[] {(1_764_000_000_000L + start * 37) << 16, length}))
        .list().ofMaxSize(40);
  }

  @Property(tries = 100)
  void mapsKeyedByTimeOrderedIdsAnswerLikeAHashMap(@ForAll("runs") List<long[]> runs) {
    RowMap<MessageId, MessageId> rows = new RowMap<>(m -> m);
    CompactMap<MessageId, Integer> compact = new CompactMap<>();
    Map<MessageId, Integer> model = new HashMap<>();
    int n = 0;
    for (long[] run : runs) {
      for (long k = 0; k < run[1]; k++) {
        MessageId id = message(run[0] + k, k % 3);
        rows.put(id, id);
        compact.put(id, n);
        model.put(id, n++);
      }
    }
    assertThat(rows.size()).isEqualTo(model.size());
    assertThat(compact.size()).isEqualTo(model.size());
    for (Map.Entry<MessageId, Integer> e : model.entrySet()) {
      MessageId copy = MessageId.of(e.getKey().value());
      assertThat(rows.get(copy)).isEqualTo(e.getKey());
      assertThat(compact.get(copy)).isEqualTo(e.getValue());
    }
    MessageId absent = message((1_764_000_000_000L + 3) << 16, 5);
    assertThat(rows.get(absent)).isEqualTo(model.containsKey(absent) ? absent : null);
    for (MessageId id : List.copyOf(model.keySet())) {
      if (id.value().hashCode() % 2 == 0) {
        assertThat(compact.remove(id, model.remove(id))).isTrue();
      }
    }
    for (Map.Entry<MessageId, Integer> e : model.entrySet()) {
      assertThat(compact.get(e.getKey())).isEqualTo(e.getValue());
    }
    assertThat(compact.size()).isEqualTo(model.size());
  }
}
