package io.openchannel.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** {@link IdGroups} answers like a map of lists through any appends. */
class IdGroupsTest {
  @Property(tries = 300)
  void answersLikeAMapOfLists(
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 12) Integer> keys) {
    IdGroups<Integer, String> groups = new IdGroups<>();
    Map<Integer, List<String>> model = new HashMap<>();
    int n = 0;
    for (int key : keys) {
      String id = "id" + n++;
      groups.add(key, id);
      model.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
      assertThat(groups.get(key)).containsExactlyElementsOf(model.get(key));
    }
    for (int key = 0; key <= 13; key++) {
      assertThat(groups.get(key)).containsExactlyElementsOf(model.getOrDefault(key, List.of()));
    }
  }
}
