package io.openchannel.policy;

import io.openchannel.internal.util.Checks;

/** How a channel counts the length of a text. */
public enum TextUnit {
  /**
   * UTF-16 code units, Java's {@link String#length()}: an emoji outside the BMP counts 2. Telegram
   * and LINE document counting this way; for channels that say "characters" without saying how
   * it is the cautious reading, since it never counts less than code points do.
   */
  UTF16_UNITS("characters"),
  /** Bytes of the UTF-8 encoding: 1 for ASCII, up to 4 for an emoji. */
  UTF8_BYTES("bytes of UTF-8");

  private final String unitName;

  TextUnit(String unitName) {
    this.unitName = unitName;
  }

  /** How messages name the unit: "characters". */
  public String unitName() {
    return unitName;
  }

  /**
   * The length of {@code text} in this unit. A lone surrogate counts 3 bytes in UTF-8.
   *
   * @throws io.openchannel.InvalidInputException if {@code text} is null
   */
  public int measure(String text) {
    Checks.notNull(text, "text");
    if (this == UTF16_UNITS) {
      return text.length();
    }
    long bytes = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += Character.charCount(cp);
    }
    return (int) Math.min(bytes, Integer.MAX_VALUE);
  }
}
