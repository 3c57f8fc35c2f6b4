package io.openchannel.policy;

import static io.openchannel.policy.MediaKind.AUDIO;
import static io.openchannel.policy.MediaKind.FILE;
import static io.openchannel.policy.MediaKind.IMAGE;
import static io.openchannel.policy.MediaKind.VIDEO;

import io.openchannel.account.ChannelType;
import io.openchannel.internal.util.Checks;
import io.openchannel.internal.util.Size;
import java.util.EnumMap;
import java.util.Map;

/**
 * The numbers behind {@link ChannelLimits#forChannel}, with their sources (reference/channels.md
 * unless noted). Per-kind sizes never exceed {@link ChannelType#maxAttachmentBytes()}.
 */
final class BuiltInLimits {
  private static final long MB = Size.MB;
  private static final Map<ChannelType, ChannelLimits> TABLE = new EnumMap<>(ChannelType.class);

  static {
    for (ChannelType type : ChannelType.values()) {
      TABLE.put(type, create(type));
    }
  }

  private BuiltInLimits() {}

  static ChannelLimits of(ChannelType type) {
    return TABLE.get(type);
  }

  private static ChannelLimits create(ChannelType type) {
    long cap = type.maxAttachmentBytes();
    return switch (type) {
      // Send API reference: message.text "must be UTF-8 and has a 2000 character limit".
      case FACEBOOK_MESSENGER -> same(type, 2_000, TextUnit.UTF16_UNITS, cap);
      // No documented comment length: only the library's own text limit.
      case FACEBOOK_PAGE -> same(type, Checks.MAX_TEXT_LENGTH, TextUnit.UTF16_UNITS, cap);
      // IG send-message docs: "Message text must be UTF-8 and be 1000 bytes or less".
      case INSTAGRAM -> new ChannelLimits(type, 1_000, 1_000, TextUnit.UTF8_BYTES, Map.of(
          IMAGE, MediaLimit.only(8 * MB, "image/png", "image/jpeg"),
          VIDEO, MediaLimit.only(25 * MB, "video/mp4", "video/ogg", "video/x-msvideo",
              "video/avi", "video/quicktime", "video/webm"),
          AUDIO, MediaLimit.only(25 * MB, "audio/aac", "audio/mp4", "audio/x-m4a", "audio/m4a",
              "audio/wav", "audio/x-wav", "audio/wave"),
          FILE, MediaLimit.only(25 * MB, "application/pdf")));
      // Text body 4,096 and media caption 1,024 characters (Cloud API messages reference);
      // MIME types as in Meta's supported-media table (audio/ogg must be Opus; stickers left out).
      case WHATSAPP -> new ChannelLimits(type, 4_096, 1_024, TextUnit.UTF16_UNITS, Map.of(
          IMAGE, MediaLimit.only(5 * MB, "image/jpeg", "image/png"),
          VIDEO, MediaLimit.only(16 * MB, "video/mp4", "video/3gpp", "video/3gp"),
          AUDIO, MediaLimit.only(16 * MB, "audio/aac", "audio/amr", "audio/mpeg", "audio/mp4",
              "audio/ogg"),
          FILE, MediaLimit.only(100 * MB, "text/plain", "application/pdf", "application/msword",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "application/vnd.ms-excel",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              "application/vnd.ms-powerpoint",
              "application/vnd.openxmlformats-officedocument.presentationml.presentation")));
      // sendMessage text 1-4096 after entity parsing (UTF-16), captions 1024; multipart upload
      // 50 MB, photos 10 MB.
      case TELEGRAM -> new ChannelLimits(type, 4_096, 1_024, TextUnit.UTF16_UNITS,
          sizes(10 * MB, cap, cap, cap));
      // Whole message about 100 KB, "keep under 80 KB": the text's UTF-8 size stays below that.
      case TEAMS -> same(type, 80_000, TextUnit.UTF8_BYTES, cap);
      // DM v2: text up to 10,000 characters, one attachment.
      case TWITTER -> same(type, 10_000, TextUnit.UTF16_UNITS, cap);
      // Twilio: body up to 1,600 characters (error 21617), media 5 MB (error 63034).
      case SMS -> same(type, 1_600, TextUnit.UTF16_UNITS, cap);
      // Infobip: text 7,000 characters, image 1 MB, video 26 MB, file 50 MB (audio goes as a file).
      case VIBER -> new ChannelLimits(type, 7_000, 7_000, TextUnit.UTF16_UNITS,
          sizes(1 * MB, 26 * MB, cap, cap));
      // LINE Messaging API: text 5,000 counted in UTF-16 units; image message 10 MB.
      case LINE -> new ChannelLimits(type, 5_000, 5_000, TextUnit.UTF16_UNITS,
          sizes(10 * MB, cap, cap, cap));
      case GENERIC -> same(type, Checks.MAX_TEXT_LENGTH, TextUnit.UTF16_UNITS, cap);
    };
  }

  /** One text limit for text and captions, one size for every kind, any type. */
  private static ChannelLimits same(ChannelType type, int text, TextUnit unit, long bytes) {
    return new ChannelLimits(type, text, text, unit, sizes(bytes, bytes, bytes, bytes));
  }

  private static Map<MediaKind, MediaLimit> sizes(long image, long video, long audio, long file) {
    return Map.of(IMAGE, MediaLimit.anyType(image), VIDEO, MediaLimit.anyType(video),
        AUDIO, MediaLimit.anyType(audio), FILE, MediaLimit.anyType(file));
  }
}
