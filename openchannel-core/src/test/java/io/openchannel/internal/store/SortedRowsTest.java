package io.openchannel.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** {@link SortedRows} holds each added row once, in ascending order, whatever the order of adds. */
class SortedRowsTest {
  @Property(tries = 300)
  void holdsEachRowOnceInOrder(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 100) Integer> adds) {
    SortedRows rows = new SortedRows();
    TreeSet<Integer> model = new TreeSet<>();
    for (int row : adds) {
      rows.add(row);
      model.add(row);
    }
    assertThat(rows.size()).isEqualTo(model.size());
    int i = 0;
    for (int row : model) {
      assertThat(rows.get(i++)).isEqualTo(row);
    }
    BitSet bits = new BitSet();
    rows.setAll(bits);
    assertThat(bits.stream().boxed().toList()).containsExactlyElementsOf(model);
  }

  @Test
  void interleavedConversationsKeepNoDuplicates() {
    SortedRows rows = new SortedRows();
    for (int round = 0; round < 3; round++) {
      for (int row = 0; row < 10; row++) {
        rows.add(row);
      }
    }
    assertThat(rows.size()).isEqualTo(10);
  }
}
