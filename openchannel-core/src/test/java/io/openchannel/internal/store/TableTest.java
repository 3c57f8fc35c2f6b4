package io.openchannel.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The table's overlay (arrays scanned linearly, a position map past a few rows) behaves like the
 * ordered map it replaced: reads see the transaction's own writes, a row written twice keeps its
 * first place, commit indexes each written row once as (committed, latest), rollback leaves no
 * trace, whatever the number of rows written.
 */
class TableTest {
  record Row(int id, long version, int value) {
    Row withVersion(long v) {
      return new Row(id, v, value);
    }
  }

  record Indexed(Row old, Row now) {}

  @Provide
  Arbitrary<List<List<int[]>>> transactions() {
    // Each write: {id, value}; ids from a range wide enough to cross the linear limit.
    Arbitrary<int[]> write = Arbitraries.integers().between(0, 24)
        .flatMap(id -> Arbitraries.integers().between(0, 1000).map(v -> new int[] {id, v}));
    return write.list().ofMaxSize(40).list().ofMaxSize(6);
  }

  @Property(tries = 300)
  void behavesLikeAnOrderedMapOverlay(@ForAll("transactions") List<List<int[]>> txs,
      @ForAll boolean rollbackOdd) {
    List<Indexed> indexed = new ArrayList<>();
    Table<Integer, Row> table = new Table<>("row", Row::id, Row::version, (r, v) -> r.withVersion(v),
        (o, n) -> indexed.add(new Indexed(o, n)));
    Map<Integer, Row> committed = new HashMap<>();
    for (int t = 0; t < txs.size(); t++) {
      Map<Integer, Row> pending = new LinkedHashMap<>();
      for (int[] w : txs.get(t)) {
        Row current = pending.containsKey(w[0]) ? pending.get(w[0]) : committed.get(w[0]);
        assertThat(table.get(w[0])).isEqualTo(current);
        Row written = current == null
            ? table.insert(new Row(w[0], 0, w[1]))
            : table.update(new Row(w[0], current.version(), w[1]));
        assertThat(written.version()).isEqualTo(current == null ? 0 : current.version() + 1);
        pending.put(w[0], written);
        assertThat(table.pendingRows()).containsExactlyElementsOf(pending.values());
        assertThat(table.committed(w[0])).isEqualTo(committed.get(w[0]));
      }
      indexed.clear();
      if (rollbackOdd && t % 2 == 1) {
        table.rollback();
        assertThat(indexed).isEmpty();
      } else {
        table.commit();
        List<Indexed> expected = new ArrayList<>();
        for (Row r : pending.values()) {
          expected.add(new Indexed(committed.get(r.id()), r));
          committed.put(r.id(), r);
        }
        assertThat(indexed).containsExactlyElementsOf(expected);
      }
      assertThat(table.pendingRows()).isEmpty();
      assertThat(table.size()).isEqualTo(committed.size());
      for (int id = 0; id <= 24; id++) {
        assertThat(table.get(id)).isEqualTo(committed.get(id));
      }
    }
  }
}
