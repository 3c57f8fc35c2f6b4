package io.openchannel.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link WordMap} answers like a TreeMap through any adds and removes, across its merges. */
class WordMapTest {
  /** Short words over few letters, so prefixes, repeats and removals of known words are common. */
  @Provide
  Arbitrary<List<String>> operations() {
    Arbitrary<String> word = Arbitraries.strings().withChars("abcé").ofMinLength(1).ofMaxLength(4);
    return Arbitraries.oneOf(word.map(w -> "+" + w), word.map(w -> "-" + w), word.map(w -> "?" + w))
        .list().ofMaxSize(400);
  }

  @Property(tries = 300)
  void answersLikeATreeMap(@ForAll("operations") List<String> operations,
      @ForAll @IntRange(min = 1, max = 9) int buffer) {
    WordMap<String> words = new WordMap<>(buffer);
    TreeMap<String, String> model = new TreeMap<>();
    for (String op : operations) {
      String word = op.substring(1);
      switch (op.charAt(0)) {
        case '+' -> {
          String value = words.getOrAdd(word, () -> "v-" + word);
          assertThat(value).isEqualTo(model.computeIfAbsent(word, w -> "v-" + w));
        }
        case '-' -> {
          words.remove(word);
          model.remove(word);
        }
        default -> {
          List<String> found = new ArrayList<>();
          words.forEachStartingWith(word, found::add);
          Map<String, String> range = model.subMap(word, true, word + Character.MAX_VALUE, false);
          assertThat(found).containsExactlyInAnyOrderElementsOf(range.values());
        }
      }
      assertThat(words.get(word)).isEqualTo(model.get(word));
      assertThat(words.size()).isEqualTo(model.size());
    }
  }
}
