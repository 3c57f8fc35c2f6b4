package io.openchannel.transcript;

import io.openchannel.internal.util.Checks;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What a transcript shows. Immutable; start from {@link #defaults()} and change it with the
 * withers.
 *
 * @param zone the time zone every time in the transcript is shown in (the reader's, usually)
 * @param includeNotes whether internal notes (S11) are included; they are left out unless asked
 *     for, because a transcript is often handed to the customer
 */
public record TranscriptOptions(ZoneId zone, boolean includeNotes) {
  /** Validates the options. */
  public TranscriptOptions {
    Checks.notNull(zone, "zone");
  }

  /** UTC, without internal notes. */
  public static TranscriptOptions defaults() {
    return new TranscriptOptions(ZoneOffset.UTC, false);
  }

  /** With times shown in {@code newZone}, for example {@code ZoneId.of("Europe/Rome")}. */
  public TranscriptOptions withZone(ZoneId newZone) {
    return new TranscriptOptions(newZone, includeNotes);
  }

  /** With internal notes included (or not). */
  public TranscriptOptions withNotes(boolean include) {
    return new TranscriptOptions(zone, include);
  }
}
