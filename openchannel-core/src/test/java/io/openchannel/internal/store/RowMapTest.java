package io.openchannel.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link RowMap} answers like a HashMap from id to row through any sequence of writes by slot. */
class RowMapTest {
  /** An id whose hash collides often, so probe runs and growth are exercised. */
  record Id(int value) {
    @Override
    public int hashCode() {
      return value % 5;
    }
  }

  record Row(Id id, int payload) {}

  @Provide
  Arbitrary<List<int[]>> puts() {
    return Arbitraries.integers().between(0, 200)
        .flatMap(k -> Arbitraries.integers().between(0, 9).map(v -> new int[] {k, v}))
        .list().ofMaxSize(500);
  }

  @Property(tries = 200)
  void answersLikeAHashMap(@ForAll("puts") List<int[]> puts) {
    RowMap<Id, Row> map = new RowMap<>(RowForm.records(Row::id)::hasId);
    Map<Id, Row> model = new HashMap<>();
    for (int[] p : puts) {
      Row row = new Row(new Id(p[0]), p[1]);
      int slot = map.slotOf(new Id(p[0])); // an equal id, not the row's own object
      Row before = model.put(row.id(), row);
      if (slot >= 0) {
        assertThat(map.at(slot)).isEqualTo(before);
        map.setAt(slot, row);
      } else {
        assertThat(before).isNull();
        map.insertAt(~slot, row.id(), row);
      }
      assertThat(map.size()).isEqualTo(model.size());
    }
    for (int k = 0; k <= 200; k++) {
      assertThat(map.get(new Id(k))).isEqualTo(model.get(new Id(k)));
    }
    assertThat(map.values()).containsExactlyInAnyOrderElementsOf(model.values());
  }
}
