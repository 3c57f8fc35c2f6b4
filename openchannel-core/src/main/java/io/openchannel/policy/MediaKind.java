package io.openchannel.policy;

import io.openchannel.internal.util.Checks;
import java.util.Locale;

/** The kinds of attachment channels limit separately, told apart by the MIME type. */
public enum MediaKind {
  /** {@code image/*}. */
  IMAGE("images"),
  /** {@code video/*}. */
  VIDEO("videos"),
  /** {@code audio/*}, voice messages included. */
  AUDIO("audio files"),
  /** Everything else: documents, archives, ... */
  FILE("files");

  private final String plural;

  MediaKind(String plural) {
    this.plural = plural;
  }

  /** How messages name this kind: "images", "files". */
  public String plural() {
    return plural;
  }

  /**
   * The kind of a MIME type: by its top-level type, parameters and case ignored.
   *
   * @throws io.openchannel.InvalidInputException if {@code contentType} is null
   */
  public static MediaKind of(String contentType) {
    String type = normalize(contentType);
    if (type.startsWith("image/")) {
      return IMAGE;
    }
    if (type.startsWith("video/")) {
      return VIDEO;
    }
    if (type.startsWith("audio/")) {
      return AUDIO;
    }
    return FILE;
  }

  /**
   * A MIME type without parameters, trimmed and in lower case: {@code "Audio/OGG; codecs=opus"}
   * becomes {@code "audio/ogg"}.
   *
   * @throws io.openchannel.InvalidInputException if {@code contentType} is null
   */
  public static String normalize(String contentType) {
    Checks.notNull(contentType, "contentType");
    int semicolon = contentType.indexOf(';');
    String bare = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return bare.strip().toLowerCase(Locale.ROOT);
  }
}
