package io.openchannel.query;

import io.openchannel.InvalidInputException;
import io.openchannel.interaction.InteractionId;
import io.openchannel.internal.util.Checks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the next page of a query starts: the {@link SortKey} of the last row shown, and a
 * fingerprint of the query's filters so that it is refused with another query. Its string form
 * ({@link #toString()}, read back by {@link #parse}) is opaque and URL-safe, for hosts that pass
 * it through HTTP. It is not signed: it reveals the last row's time and id, and must not be
 * treated as a permission.
 *
 * <p>Keyset, not offset: the next page holds the interactions that come strictly after the
 * position in the view's order as it is when the page is read, so interactions arriving
 * meanwhile neither shift rows nor repeat them (see {@link InteractionQuery} for what a scan
 * guarantees). Immutable.
 *
 * @param position the last row of the previous page
 * @param fingerprint the fingerprint of the query it came from
 */
public record Cursor(SortKey position, String fingerprint) {
  private static final String VERSION = "c1";

  /** Validates the cursor. */
  public Cursor {
    Checks.notNull(position, "position");
    Checks.identifier(fingerprint, "fingerprint", 64);
  }

  /**
   * Reads a cursor from its string form.
   *
   * @throws InvalidInputException if {@code text} is not a cursor this library wrote
   */
  public static Cursor parse(String text) {
    Checks.notNull(text, "cursor");
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = decoded.split("\n", -1);
      if (parts.length != 5 || !parts[0].equals(VERSION)) {
        throw new IllegalArgumentException("wrong shape");
      }
      Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
      return new Cursor(new SortKey(at, InteractionId.of(parts[3])), parts[4]);
    } catch (RuntimeException e) {
      throw new InvalidInputException("malformed cursor " + Checks.quote(text)
          + "; pass back exactly the next cursor of the previous page, or none for the first page",
          e);
    }
  }

  /** The opaque, URL-safe string form. */
  @Override
  public String toString() {
    String plain = VERSION + "\n" + position.at().getEpochSecond() + "\n" + position.at().getNano()
        + "\n" + position.id().value() + "\n" + fingerprint;
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }
}
