package io.openchannel.policy;

import io.openchannel.AttachmentRejectedException;
import io.openchannel.InvalidInputException;
import io.openchannel.account.ChannelType;
import io.openchannel.internal.util.Checks;
import io.openchannel.internal.util.Size;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * A channel's limits on what one message may carry: text length and, per {@link MediaKind}, file
 * size and accepted MIME types. Immutable and thread-safe. The built-in values and their sources
 * are listed on {@link #forChannel(ChannelType)}.
 *
 * @param channel the channel
 * @param maxTextLength the longest text, in {@code textUnit}
 * @param maxCaptionLength the longest text sent with an attachment, in {@code textUnit}
 * @param textUnit how the channel counts text
 * @param media the limit of every media kind
 */
public record ChannelLimits(ChannelType channel, int maxTextLength, int maxCaptionLength,
    TextUnit textUnit, Map<MediaKind, MediaLimit> media) {

  /**
   * Validates the limits and copies the map.
   *
   * @throws InvalidInputException if a value is null, a length is not positive, or a media kind
   *     has no limit
   */
  public ChannelLimits {
    Checks.notNull(channel, "channel");
    Checks.positive(maxTextLength, "maxTextLength");
    Checks.positive(maxCaptionLength, "maxCaptionLength");
    Checks.notNull(textUnit, "textUnit");
    Checks.notNull(media, "media");
    for (MediaKind kind : MediaKind.values()) {
      Checks.notNull(media.get(kind), "media limit for " + kind);
    }
    media = Collections.unmodifiableMap(new EnumMap<>(media));
  }

  /**
   * The built-in limits of a channel (text in UTF-16 units unless noted; MB = 1024 × 1024 bytes).
   * Sizes assume the connector uploads the bytes, as the blob store has no public URLs.
   * <pre>
   * channel       text           caption  image   video   audio   file    types
   * Messenger     2,000          2,000    25 MB   25 MB   25 MB   25 MB   any
   * FB Page       65,536 (ours)  =        25 MB   25 MB   25 MB   25 MB   any
   * Instagram     1,000 UTF-8 B  =        8 MB    25 MB   25 MB   25 MB   png jpeg / mp4 ogg avi
   *                                                                       mov webm / aac m4a wav
   *                                                                       mp4 / pdf
   * WhatsApp      4,096          1,024    5 MB    16 MB   16 MB   100 MB  jpeg png / mp4 3gp /
   *                                                                       aac amr mp3 m4a ogg /
   *                                                                       txt pdf doc(x) xls(x)
   *                                                                       ppt(x)
   * Telegram      4,096          1,024    10 MB   50 MB   50 MB   50 MB   any
   * Teams         80,000 UTF-8 B =        100 MB  100 MB  100 MB  100 MB  any
   * X             10,000         =        15 MB   15 MB   15 MB   15 MB   any
   * SMS           1,600          =        5 MB    5 MB    5 MB    5 MB    any
   * Viber         7,000          =        1 MB    26 MB   50 MB   50 MB   any
   * LINE          5,000          =        10 MB   50 MB   50 MB   50 MB   any
   * generic       65,536 (ours)  =        -       -       -       -       any
   * </pre>
   *
   * @throws InvalidInputException if {@code type} is null
   */
  public static ChannelLimits forChannel(ChannelType type) {
    return BuiltInLimits.of(Checks.notNull(type, "type"));
  }

  /** The limit for one media kind. */
  public MediaLimit media(MediaKind kind) {
    return media.get(Checks.notNull(kind, "kind"));
  }

  /**
   * Checks a text's length: {@code maxCaptionLength} if it goes with an attachment, else
   * {@code maxTextLength}.
   *
   * @throws InvalidInputException naming the length and the limit if the text is too long
   */
  public void checkText(String text, boolean withAttachment) {
    int limit = withAttachment ? maxCaptionLength : maxTextLength;
    int length = textUnit.measure(text);
    if (length > limit) {
      throw new InvalidInputException((withAttachment ? "the caption" : "the text") + " is "
          + length + " " + textUnit.unitName() + " long; " + channel.displayName()
          + " accepts at most " + limit + (withAttachment ? " with an attachment" : "")
          + "; shorten it or split it into several messages");
    }
  }

  /**
   * The largest file of this MIME type that may be sent: the smaller of the channel's limit for
   * its kind and {@code accountLimit}. Use it to cap a stream whose size is not known yet.
   *
   * @throws AttachmentRejectedException if the channel does not accept this MIME type; the
   *     message lists the accepted ones
   * @throws InvalidInputException if {@code accountLimit} is not positive
   */
  public long maxAttachmentBytes(String contentType, long accountLimit) {
    return effectiveLimit("this file", contentType, accountLimit);
  }

  /**
   * Checks one outgoing message before anything is stored.
   *
   * @param text the text, or the caption if there is an attachment (may be empty)
   * @param attachment the file, if any
   * @param accountLimit the account's own largest attachment, in bytes
   * @throws InvalidInputException if the text is too long or {@code accountLimit} is not positive
   * @throws AttachmentRejectedException if the file's type is not accepted or it is larger than
   *     the channel's limit for its kind or the account's limit, whichever is smaller
   */
  public void check(String text, Optional<AttachmentMeta> attachment, long accountLimit) {
    Checks.notNull(attachment, "attachment");
    checkText(text, attachment.isPresent());
    if (attachment.isPresent()) {
      AttachmentMeta file = attachment.get();
      long max = effectiveLimit(file.fileName(), file.contentType(), accountLimit);
      if (file.sizeBytes() > max) {
        MediaKind kind = MediaKind.of(file.contentType());
        long channelMax = media(kind).maxBytes();
        String whose = channelMax <= accountLimit
            ? "the most " + channel.displayName() + " accepts for " + kind.plural() + " is "
                + Size.format(channelMax)
            : "the account allows at most " + Size.format(accountLimit) + " ("
                + channel.displayName() + " itself accepts " + kind.plural() + " up to "
                + Size.format(channelMax) + ")";
        throw new AttachmentRejectedException(file.fileName() + " is " + file.sizeBytes()
            + " bytes (" + Size.format(file.sizeBytes()) + "); " + whose + "; send a smaller file");
      }
    }
  }

  private long effectiveLimit(String fileName, String contentType, long accountLimit) {
    Checks.check(accountLimit > 0, "accountLimit must be positive, got " + accountLimit);
    String type = MediaKind.normalize(contentType);
    MediaLimit limit = media(MediaKind.of(type));
    if (!limit.accepts(type)) {
      throw new AttachmentRejectedException(fileName + " (" + type + ") cannot be sent on "
          + channel.displayName() + "; it accepts " + acceptedTypes()
          + "; convert the file to one of these");
    }
    return Math.min(limit.maxBytes(), accountLimit);
  }

  /** "images: image/jpeg, image/png; videos: ...", kinds without restriction as "any type". */
  private String acceptedTypes() {
    StringJoiner all = new StringJoiner("; ");
    for (MediaKind kind : MediaKind.values()) {
      MediaLimit limit = media(kind);
      all.add(kind.plural() + ": " + (limit.acceptedTypes().isEmpty() ? "any type"
          : String.join(", ", new TreeSet<>(limit.acceptedTypes()))));
    }
    return all.toString();
  }
}
