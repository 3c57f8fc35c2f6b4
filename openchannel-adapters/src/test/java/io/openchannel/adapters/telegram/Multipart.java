package io.openchannel.adapters.telegram;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict reader of multipart/form-data bodies, for the fake server and the builder's tests. */
final class Multipart {
  private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
  private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

  /** One part: its file name (null for a text field), content type (may be null) and bytes. */
  record Part(String fileName, String contentType, byte[] bytes) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private Multipart() {}

  static Map<String, Part> parse(String contentType, byte[] body) {
    String boundary = contentType.substring(contentType.indexOf("boundary=") + 9);
    // ISO-8859-1 maps bytes 1:1 to chars, so binary content survives the round trip.
    String all = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary;
    if (!all.startsWith(delimiter + "\r\n") || !all.endsWith("\r\n" + delimiter + "--\r\n")) {
      throw new IllegalArgumentException("body does not start and end with the boundary");
    }
    Map<String, Part> parts = new LinkedHashMap<>();
    String inner = all.substring(delimiter.length() + 2, all.length() - delimiter.length() - 6);
    for (String raw : inner.split("\r\n" + Pattern.quote(delimiter) + "\r\n", -1)) {
      int split = raw.indexOf("\r\n\r\n");
      String headers = raw.substring(0, split);
      byte[] content = raw.substring(split + 4).getBytes(StandardCharsets.ISO_8859_1);
      String disposition = header(headers, "Content-Disposition");
      Matcher name = NAME.matcher(disposition);
      if (!disposition.startsWith("form-data;") || !name.find()) {
        throw new IllegalArgumentException("part without form-data name: " + headers);
      }
      Matcher file = FILE_NAME.matcher(disposition);
      String fileName = file.find()
          ? new String(file.group(1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8) : null;
      parts.put(name.group(1), new Part(fileName, header(headers, "Content-Type"), content));
    }
    return parts;
  }

  private static String header(String headers, String name) {
    for (String line : headers.split("\r\n")) {
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).strip();
      }
    }
    return name.equals("Content-Type") ? null : "";
  }
}
