package io.openchannel.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.account.ChannelType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TextUnitProperties {

  @Property
  void utf8BytesAreWhatTheEncoderProduces(@ForAll("texts") String text) {
    assertThat(TextUnit.UTF8_BYTES.measure(text))
        .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    assertThat(TextUnit.UTF16_UNITS.measure(text)).isEqualTo(text.length());
  }

  @Property
  void aTextPassesExactlyWhenItsLengthIsWithinTheLimit(@ForAll ChannelType channel,
      @ForAll("texts") String unit, @ForAll boolean withAttachment,
      @ForAll @IntRange(min = -1, max = 1) int delta) {
    ChannelLimits limits = ChannelLimits.forChannel(channel);
    int limit = withAttachment ? limits.maxCaptionLength() : limits.maxTextLength();
    // Repeat the unit until the text lands just below, at or just above the limit.
    String text = unit.repeat(Math.max(0, limit / limits.textUnit().measure(unit) + delta));

    if (limits.textUnit().measure(text) <= limit) {
      assertThatCode(() -> limits.checkText(text, withAttachment)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> limits.checkText(text, withAttachment))
          .isInstanceOf(InvalidInputException.class);
    }
  }

  /** Well-formed text from all planes: ASCII, accents, CJK, emoji. */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<Integer> codePoints = Arbitraries.oneOf(
        Arbitraries.integers().between(0x20, 0x7E),
        Arbitraries.integers().between(0xA0, 0x7FF),
        Arbitraries.integers().between(0x800, 0xD7FF),
        Arbitraries.integers().between(0xE000, 0xFFFF),
        Arbitraries.integers().between(0x10000, 0x10FFFF));
    return codePoints.list().ofMinSize(1).ofMaxSize(20).map(TextUnitProperties::fromCodePoints);
  }

  private static String fromCodePoints(List<Integer> codePoints) {
    StringBuilder text = new StringBuilder();
    codePoints.forEach(text::appendCodePoint);
    return text.toString();
  }
}
