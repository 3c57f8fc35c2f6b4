package io.openchannel.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.interaction.InteractionId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.PrimitiveIterator;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link TimeOrder} walks the same rows as a {@code TreeSet} in the view's order (newest first,
 * then highest id; a bound after every key of its time), through any adds, removes and ranges.
 */
class TimeOrderTest {
  /** A model key; a null id is a bound. */
  record Key(long second, int nano, String id, int row) {
    TimeOrder.Probe probe() {
      return new TimeOrder.Probe(second, nano, id == null ? null : InteractionId.of(id));
    }
  }

  static final Comparator<Key> VIEW_ORDER = (a, b) -> {
    if (a.second != b.second) {
      return a.second > b.second ? -1 : 1;
    }
    if (a.nano != b.nano) {
      return a.nano > b.nano ? -1 : 1;
    }
    if (a.id == null || b.id == null) {
      return a.id == b.id ? 0 : a.id == null ? 1 : -1;
    }
    return b.id.compareTo(a.id);
  };

  @Provide
  Arbitrary<List<int[]>> operations() {
    // {0..2 = add | 3 = remove | 4 = compare a range; second (few, so times collide), nano, id}
    return Arbitraries.integers().between(0, 4).flatMap(op -> Arbitraries.integers().between(0, 40)
        .flatMap(sec -> Arbitraries.integers().between(0, 2).flatMap(nano -> Arbitraries.integers()
            .between(0, 400).map(id -> new int[] {op, sec, nano, id})))).list().ofMaxSize(1500);
  }

  @Property(tries = 150)
  void walksLikeATreeSet(@ForAll("operations") List<int[]> ops) {
    TimeOrder order = new TimeOrder();
    TreeSet<Key> model = new TreeSet<>(VIEW_ORDER);
    int nextRow = 0;
    for (int[] op : ops) {
      String id = String.format("i%04d", op[3]);
      switch (op[0]) {
        case 0, 1, 2 -> {
          Key k = new Key(op[1], op[2], id, nextRow++);
          if (!model.contains(k)) {
            model.add(k);
            order.add(k.second, k.nano, InteractionId.of(id), k.row);
          }
        }
        case 3 -> {
          // Remove an existing key most of the time, so chunks empty and merge.
          Key k = model.isEmpty() ? new Key(op[1], op[2], id, -1)
              : new ArrayList<>(model).get(op[3] % model.size());
          assertThat(order.remove(k.second, k.nano, InteractionId.of(k.id)))
              .isEqualTo(model.remove(k));
        }
        default -> {
          Key from = op[3] % 3 == 0 ? null : new Key(op[1], op[2], op[3] % 2 == 0 ? null : id, -1);
          Key to = op[3] % 5 == 0 ? null : new Key(op[1] + op[2] - 1, op[3] % 3, op[3] % 7 == 0 ? null : id, -1);
          assertThat(rows(order, from, to)).isEqualTo(rows(model, from, to));
        }
      }
      assertThat(order.size()).isEqualTo(model.size());
    }
    assertThat(rows(order, null, null)).isEqualTo(rows(model, null, null));
  }

  @Test
  void appendingNewestKeysFillsChunks() {
    TimeOrder order = new TimeOrder();
    for (int i = 0; i < 10 * TimeOrder.CHUNK; i++) {
      order.add(i, 0, InteractionId.of("i" + i), i);
    }
    List<Integer> rows = rows(order, null, null);
    assertThat(rows).hasSize(10 * TimeOrder.CHUNK);
    assertThat(rows.get(0)).isEqualTo(10 * TimeOrder.CHUNK - 1); // newest first
  }

  private static List<Integer> rows(TimeOrder order, Key from, Key to) {
    List<Integer> rows = new ArrayList<>();
    PrimitiveIterator.OfInt it =
        order.rows(from == null ? null : from.probe(), to == null ? null : to.probe());
    while (it.hasNext()) {
      rows.add(it.nextInt());
    }
    return rows;
  }

  private static List<Integer> rows(TreeSet<Key> model, Key from, Key to) {
    NavigableSet<Key> range = from == null ? model : model.tailSet(from, false);
    if (to != null) {
      if (from != null && VIEW_ORDER.compare(from, to) >= 0) {
        return List.of();
      }
      range = range.headSet(to, false);
    }
    return range.stream().map(Key::row).toList();
  }
}
