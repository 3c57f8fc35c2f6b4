package io.openchannel.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TranscriptFormatProperties {
  @Property
  void printableTextHoldsNoControlCharacterButLineFeeds(@ForAll String text) {
    String shown = TranscriptFormat.printable(text);

    assertThat(shown.chars().filter(c -> c != '\n' && Character.isISOControl(c))).isEmpty();
  }

  @Property
  void printableTextKeepsEveryOtherCharacterInOrder(@ForAll String text) {
    String kept = text.codePoints()
        .filter(c -> !Character.isISOControl(c) && c != 0x2028 && c != 0x2029)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    String shown = TranscriptFormat.printable(text).codePoints()
        .filter(c -> c != '\n' && c != ' ' && c != 0xFFFD)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

    assertThat(shown).isEqualTo(kept.replace(" ", "").replace("\uFFFD", ""));
  }

  @Property
  void inlineTextIsOneLine(@ForAll String text) {
    assertThat(TranscriptFormat.inline(text)).doesNotContain("\n");
  }
}
