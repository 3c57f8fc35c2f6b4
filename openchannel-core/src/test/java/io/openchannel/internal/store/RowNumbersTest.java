package io.openchannel.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link RowNumbers} answers like a {@code HashMap<Key, Integer>} through any puts. */
class RowNumbersTest {
  /** A key whose hash collides often, so probe runs and growth with collisions are exercised. */
  record Key(int value) {
    @Override
    public int hashCode() {
      return value % 5;
    }
  }

  @Provide
  Arbitrary<List<int[]>> puts() {
    return Arbitraries.integers().between(0, 80).flatMap(k -> Arbitraries.integers()
        .between(0, 1000).map(row -> new int[] {k, row})).list().ofMaxSize(300);
  }

  @Property(tries = 300)
  void answersLikeAHashMap(@ForAll("puts") List<int[]> puts) {
    RowNumbers rows = new RowNumbers();
    Map<Key, Integer> model = new HashMap<>();
    for (int[] put : puts) {
      rows.put(new Key(put[0]), put[1]);
      model.put(new Key(put[0]), put[1]);
    }
    for (int k = 0; k <= 80; k++) {
      assertThat(rows.get(new Key(k))).isEqualTo(model.getOrDefault(new Key(k), -1));
    }
  }

  @Test
  void refusesANullKeyAndANegativeRow() {
    RowNumbers rows = new RowNumbers();
    assertThatThrownBy(() -> rows.put(null, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rows.put("a", -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
