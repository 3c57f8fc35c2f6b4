package io.openchannel.adapters.twitter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openchannel.message.Attachment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one-shot {@code POST /2/media/upload} of an image for a direct message:
 * {@code {"media": <base64>, "media_category": "dm_image", "media_type": "image/png"}}. Videos and
 * GIFs need X's chunked upload, which this connector does not do yet.
 */
final class MediaUpload {
  /** X's limit for an uploaded image. */
  static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;
  private static final Set<String> IMAGE_TYPES =
      Set.of("image/jpeg", "image/png", "image/webp", "image/bmp", "image/tiff");

  private MediaUpload() {}

  /** Why the attachment cannot go, if it cannot. */
  static Optional<String> refusal(Attachment file) {
    String type = file.contentType().toLowerCase(Locale.ROOT);
    if (!IMAGE_TYPES.contains(type)) {
      return Optional.of("this X connector sends images (JPEG, PNG, WebP, BMP, TIFF) only, not "
          + file.contentType() + "; share a link instead");
    }
    if (file.sizeBytes() > MAX_IMAGE_BYTES) {
      return Optional.of("the image is " + file.sizeBytes() + " bytes; X takes images up to "
          + MAX_IMAGE_BYTES);
    }
    return Optional.empty();
  }

  /** The upload's JSON body; reads the bytes (at most the limit). */
  static ObjectNode body(Attachment file, Supplier<InputStream> content) {
    byte[] bytes;
    try (InputStream in = content.get()) {
      bytes = in.readNBytes((int) MAX_IMAGE_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > MAX_IMAGE_BYTES) {
      throw new UncheckedIOException(new IOException("the image grew beyond " + MAX_IMAGE_BYTES + " bytes"));
    }
    return JsonNodeFactory.instance.objectNode()
        .put("media", Base64.getEncoder().encodeToString(bytes))
        .put("media_category", "dm_image")
        .put("media_type", file.contentType().toLowerCase(Locale.ROOT));
  }
}
