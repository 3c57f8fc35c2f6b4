package io.openchannel.adapters.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisualOrderTest {
  @Test
  void leftToRightTextIsUnchanged() {
    assertThat(VisualOrder.of("Hello, world 📦")).isEqualTo("Hello, world 📦");
  }

  @Test
  void aRightToLeftRunIsReversedInPlace() {
    assertThat(VisualOrder.of("he שלום ok")).isEqualTo("he םולש ok");
  }

  @Test
  void aCombiningMarkStaysAfterItsLetter() {
    // bet with dagesh (U+05BC) then shin: reversed by cluster, the mark follows its bet
    assertThat(VisualOrder.of("\u05D1\u05BC\u05E9")).isEqualTo("\u05E9\u05D1\u05BC");
  }

  @Test
  void bracketsInARightToLeftRunAreMirrored() {
    // logical "(שלום)" in a right-to-left line: drawn left to right as "(םולש)"
    assertThat(VisualOrder.of("(שלום)")).isEqualTo("(םולש)");
  }

  @Test
  void aRightToLeftLineKeepsItsNumbersLeftToRight() {
    assertThat(VisualOrder.of("שלום 123")).isEqualTo("123 םולש");
  }
}
