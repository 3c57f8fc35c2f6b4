package io.openchannel.examples.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnsTest {
  @Test
  void emojiTakeTwoColumnsAndArrowsOne() {
    assertThat(Columns.width("size 38 👟")).isEqualTo(10);
    assertThat(Columns.width("← in")).isEqualTo(4);
  }

  @Test
  void checkmarksTakeOneColumnButEmojiCheckmarksTwo() {
    assertThat(Columns.width("✓✓ SENT")).isEqualTo(7);
    assertThat(Columns.width("✗ FAILED")).isEqualTo(8);
    assertThat(Columns.width("✅❌")).isEqualTo(4);
  }

  @Test
  void shortenEndsWithAnEllipsisAndNeverSplitsAnEmoji() {
    String shortened = Columns.shorten("ab👟cd", 4);

    assertThat(shortened).isEqualTo("ab…");
    assertThat(Columns.width(shortened)).isLessThanOrEqualTo(4);
    assertThat(Columns.shorten("short", 10)).isEqualTo("short");
  }

  @Test
  void padFillsToTheColumnCount() {
    assertThat(Columns.pad("ab", 4)).isEqualTo("ab  ");
    assertThat(Columns.pad("abcdef", 4)).isEqualTo("abcdef");
  }

  @Test
  void wrapBreaksAtSpacesWithinTheWidth() {
    assertThat(Columns.wrap("one two three four", 9)).containsExactly("one two", "three", "four");
  }
}
