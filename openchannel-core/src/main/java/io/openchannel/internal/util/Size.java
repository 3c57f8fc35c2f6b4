package io.openchannel.internal.util;

/** Byte-size constants and human-readable formatting. */
public final class Size {
  public static final long KB = 1024L;
  public static final long MB = 1024L * KB;

  private Size() {}

  /** "15 MB", "512 KB", "12 bytes". */
  public static String format(long bytes) {
    if (bytes == Long.MAX_VALUE) {
      return "unlimited";
    }
    if (bytes >= MB && bytes % MB == 0) {
      return bytes / MB + " MB";
    }
    if (bytes >= MB) {
      return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }
    if (bytes >= KB) {
      return bytes / KB + " KB";
    }
    return bytes + " bytes";
  }
}
