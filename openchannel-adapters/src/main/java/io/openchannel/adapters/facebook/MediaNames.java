package io.openchannel.adapters.facebook;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A file name and MIME type for media Meta gives only as a URL: the webhook says "image" or
 * "file", the CDN path usually ends in the real name. Unknown extensions fall back to the
 * attachment type's usual format.
 */
final class MediaNames {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
      Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("mp4", "video/mp4"),
      Map.entry("mov", "video/quicktime"), Map.entry("webm", "video/webm"), Map.entry("avi", "video/x-msvideo"),
      Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"), Map.entry("aac", "audio/aac"),
      Map.entry("wav", "audio/wav"), Map.entry("ogg", "audio/ogg"), Map.entry("pdf", "application/pdf"),
      Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"), Map.entry("zip", "application/zip"),
      Map.entry("doc", "application/msword"),
      Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
      Map.entry("xls", "application/vnd.ms-excel"),
      Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
  private static final Map<String, String> DEFAULTS = Map.of("image", "image/jpeg", "sticker", "image/png",
      "video", "video/mp4", "audio", "audio/mp4", "file", "application/octet-stream");
  private static final Map<String, String> DEFAULT_EXTENSIONS = Map.of("image", "jpg", "sticker", "png",
      "video", "mp4", "audio", "m4a", "file", "bin");

  private MediaNames() {}

  /** A name and type for the media at {@code url}; {@code fallbackStem} names it if the URL cannot. */
  static Named of(String attachmentType, URI url, String fallbackStem) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    String last = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8)
        .replaceAll("[\\p{Cntrl}/\\\\\"]", "_").strip();
    if (last.length() > 200) {
      last = last.substring(last.length() - 200);
    }
    int dot = last.lastIndexOf('.');
    String extension = dot < 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT);
    String type = TYPES.get(extension);
    if (type == null) {
      type = DEFAULTS.getOrDefault(attachmentType, "application/octet-stream");
    }
    String name = last.isEmpty() || dot <= 0 ? fallbackStem + "." + (TYPES.containsKey(extension)
        ? extension : DEFAULT_EXTENSIONS.getOrDefault(attachmentType, "bin")) : last;
    return new Named(name, type);
  }

  /** A file name and its MIME type. */
  record Named(String fileName, String contentType) {}
}
