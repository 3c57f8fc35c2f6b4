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

/** {@link CompactMap} answers like a HashMap through any mix of puts and removes. */
class CompactMapTest {
  /** A key whose hash collides often, so probe runs and backward shifts are exercised. */
  record Key(int value) {
    @Override
    public int hashCode() {
      return value % 7;
    }
  }

  @Provide
  Arbitrary<List<int[]>> operations() {
    // {0 = put | 1 = remove matching | 2 = remove other value, key, value}
    return Arbitraries.integers().between(0, 2).flatMap(op -> Arbitraries.integers().between(0, 60)
        .flatMap(k -> Arbitraries.integers().between(0, 3).map(v -> new int[] {op, k, v})))
        .list().ofMaxSize(400);
  }

  @Property(tries = 300)
  void answersLikeAHashMap(@ForAll("operations") List<int[]> ops) {
    CompactMap<Key, Integer> map = new CompactMap<>();
    Map<Key, Integer> model = new HashMap<>();
    for (int[] op : ops) {
      Key k = new Key(op[1]);
      switch (op[0]) {
        case 0 -> assertThat(map.put(k, op[2])).isEqualTo(model.put(k, op[2]));
        case 1 -> {
          Integer current = model.get(k);
          assertThat(map.remove(k, current == null ? op[2] : current))
              .isEqualTo(current != null && model.remove(k, current));
        }
        default -> assertThat(map.remove(k, op[2] + 10)).isFalse();
      }
      assertThat(map.size()).isEqualTo(model.size());
    }
    for (int k = 0; k <= 60; k++) {
      assertThat(map.get(new Key(k))).isEqualTo(model.get(new Key(k)));
    }
    assertThat(map.values()).containsExactlyInAnyOrderElementsOf(model.values());
  }

  @Test
  void refusesNulls() {
    CompactMap<String, String> map = new CompactMap<>();
    assertThatThrownBy(() -> map.put(null, "v")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> map.put("k", null)).isInstanceOf(NullPointerException.class);
  }
}
