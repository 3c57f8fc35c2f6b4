package io.openchannel.adapters.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class LineWrapperProperties {
  /** Every UTF-16 unit one point wide, like a monospace font. */
  private static final ToDoubleFunction<String> MONO = String::length;

  @Property
  void noLineIsWiderThanTheColumnUnlessItIsOneCharacter(
      @ForAll @StringLength(max = 400) String text, @ForAll @IntRange(min = 2, max = 60) int width) {
    String paragraph = text.replaceAll("[\\r\\n\\u2028\\u2029\\u0085]", " ");

    for (String line : LineWrapper.wrap(paragraph, MONO, width)) {
      assertThat(line.length() <= width || line.codePointCount(0, line.length()) == 1
          || isOneGrapheme(line)).as("line %s", line).isTrue();
    }
  }

  @Property
  void wrappingLosesNothingButSpacesAtTheBreaks(
      @ForAll @StringLength(max = 400) String text, @ForAll @IntRange(min = 1, max = 60) int width) {
    String paragraph = text.replaceAll("[\\r\\n\\u2028\\u2029\\u0085]", " ");

    List<String> lines = LineWrapper.wrap(paragraph, MONO, width);

    // Only whitespace (in Java's sense, which stripTrailing uses) may go, at line ends.
    assertThat(withoutWhitespace(String.join("", lines))).isEqualTo(withoutWhitespace(paragraph));
  }

  @Test
  void aLongWordIsCutIntoFullLines() {
    assertThat(LineWrapper.wrap("ab " + "x".repeat(25), MONO, 10))
        .containsExactly("ab", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx");
  }

  @Test
  void wordsFillALineGreedily() {
    assertThat(LineWrapper.wrap("the quick brown fox jumps", MONO, 10))
        .containsExactly("the quick", "brown fox", "jumps");
  }

  @Property
  void noLineStartsWithAJoinerAMarkOrHalfASurrogatePair(
      @ForAll @StringLength(max = 200) String text, @ForAll @IntRange(min = 1, max = 20) int width) {
    String paragraph = "👩\u200D👩\u200D👧 e\u0301e\u0301 " + text.replaceAll("[\r\n\u2028\u2029\u0085]", " ");

    for (String line : LineWrapper.wrap(paragraph, MONO, width)) {
      if (!line.isEmpty() && !paragraph.startsWith(line)) {
        int first = line.codePointAt(0);
        assertThat(first == 0x200D || Character.getType(first) == Character.NON_SPACING_MARK
            || Character.isLowSurrogate(line.charAt(0))).as("line %s", line).isFalse();
      }
      assertThat(Character.isHighSurrogate(line.isEmpty() ? 'a' : line.charAt(line.length() - 1)))
          .isFalse();
    }
  }

  @Test
  void anEmptyParagraphIsOneEmptyLine() {
    assertThat(LineWrapper.wrap("", MONO, 10)).containsExactly("");
  }

  private static String withoutWhitespace(String s) {
    return s.codePoints().filter(c -> !Character.isWhitespace(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }

  /** One character with only marks, joiners, selectors or modifiers after it. */
  private static boolean isOneGrapheme(String s) {
    int[] cps = s.codePoints().toArray();
    for (int i = 1; i < cps.length; i++) {
      int type = Character.getType(cps[i]);
      boolean glued = cps[i - 1] == 0x200D || cps[i] == 0x200D
          || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK
          || (cps[i] >= 0xFE00 && cps[i] <= 0xFE0F) || (cps[i] >= 0x1F3FB && cps[i] <= 0x1F3FF)
          || (cps[i] >= 0xE0020 && cps[i] <= 0xE007F) || (cps[i] >= 0xE0100 && cps[i] <= 0xE01EF);
      if (!glued) {
        return false;
      }
    }
    return true;
  }
}
