package io.openchannel.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** How search normalises and cuts text. */
class SearchTextTest {

  @Test
  void normalisingFoldsCaseAndDropsAccentsInEveryScript() {
    assertThat(SearchText.normalize("Crème BRÛLÉE")).isEqualTo("creme brulee");
    assertThat(SearchText.normalize("Straße")).isEqualTo("strasse");
    assertThat(SearchText.normalize("İstanbul")).isEqualTo("istanbul");
    assertThat(SearchText.normalize("ЁЛКА")).isEqualTo("елка");
    assertThat(SearchText.normalize("مَرْحَبًا")).isEqualTo("مرحبا");
    assertThat(SearchText.normalize("ｆｕｌｌ")).isEqualTo("full");
  }

  @Test
  void wordsAreLetterRunsCjkBigramsAndSymbols() {
    assertThat(SearchText.words("Hi! Order #A-12, ok?")).containsExactly("hi", "order", "a", "12", "ok");
    assertThat(SearchText.words("去东京都")).containsExactly("去东", "东京", "京都", "都");
    assertThat(SearchText.words("box📦ok")).containsExactly("box", "📦", "ok");
    assertThat(SearchText.words("Tokyo東京")).containsExactly("tokyo", "東京", "京");
  }

  @Test
  void queryWordsOfACjkRunAreItsBigramsOnly() {
    assertThat(SearchText.queryWords("东京都")).containsExactly("东京", "京都");
    assertThat(SearchText.queryWords("都")).containsExactly("都");
  }

  @Test
  void everyQueryWordMustStartSomeWord() {
    List<String> words = SearchText.words("Where is my order");
    assertThat(SearchText.matches(SearchText.queryWords("ORD wh"), words)).isTrue();
    assertThat(SearchText.matches(SearchText.queryWords("ord rder"), words)).isFalse();
  }

  @Property(tries = 500)
  void anyTextFindsItselfAndEachOfItsWords(@ForAll String text) {
    List<String> words = SearchText.words(text);

    for (String w : words) {
      assertThat(SearchText.matches(SearchText.queryWords(w), words)).as(w).isTrue();
    }
    assertThat(SearchText.matches(SearchText.queryWords(text), words)).isTrue();
  }

  @Test
  void aGreekSigmaFindsItselfWhateverItsPlaceInTheWord() {
    // Lower-casing "AΣ'B" keeps σ (a letter follows the apostrophe), lower-casing the word "AΣ"
    // alone gives the final ς: without folding both to σ the word did not find itself.
    List<String> words = SearchText.words("ΑΣ'Β");

    assertThat(words).containsExactly("ασ", "β");
    assertThat(SearchText.matches(SearchText.queryWords("ας"), words)).isTrue();
    assertThat(SearchText.matches(SearchText.queryWords("ΑΣ"), words)).isTrue();
    assertThat(SearchText.words("Οδυσσεύς")).containsExactly("οδυσσευσ");
  }

  @Property(tries = 300)
  void normalisingTwiceChangesNothing(@ForAll String text) {
    String once = SearchText.normalize(text);

    assertThat(SearchText.normalize(once)).isEqualTo(once);
  }
}
