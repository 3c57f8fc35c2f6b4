package io.openchannel.examples.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StyleTest {
  @Test
  void coloursOnlyOnATerminalWithoutFlagOrNoColor() {
    assertThat(Style.decide(false, true, null).enabled()).isTrue();
    assertThat(Style.decide(false, true, "").enabled()).isTrue();
    assertThat(Style.decide(true, true, null).enabled()).isFalse();
    assertThat(Style.decide(false, false, null).enabled()).isFalse();
    assertThat(Style.decide(false, true, "1").enabled()).isFalse();
  }

  @Test
  void plainStyleLeavesTextUnchanged() {
    assertThat(Style.plain().bold("x")).isEqualTo("x");
    assertThat(Style.plain().magenta("▸ x")).isEqualTo("▸ x");
  }

  @Test
  void colouredTextKeepsItsWordsAndTakesNoExtraColumns() {
    String painted = Style.decide(false, true, null).yellow("refused");

    assertThat(painted).isNotEqualTo("refused");
    assertThat(Columns.stripAnsi(painted)).isEqualTo("refused");
    assertThat(Columns.width(painted)).isEqualTo(7);
  }
}
