package io.openchannel.examples.terminal;

import picocli.CommandLine.Option;

/**
 * The {@code --no-color} option, mixed into every subcommand that prints styled text:
 * {@code @Mixin ColorOption color;} then {@code color.style()}.
 */
public final class ColorOption {
  @Option(names = "--no-color",
      description = "Plain text without colours. Colours are also off when the output is not a"
          + " terminal or the NO_COLOR environment variable is set.")
  private boolean noColor;

  /** The style to print with, honouring the flag, the terminal and {@code NO_COLOR}. */
  public Style style() {
    return Style.detect(noColor);
  }
}
