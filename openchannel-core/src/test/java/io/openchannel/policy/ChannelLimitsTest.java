package io.openchannel.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.AttachmentRejectedException;
import io.openchannel.InvalidInputException;
import io.openchannel.account.ChannelType;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ChannelLimitsTest {
  private static final long MB = 1024 * 1024;
  private static final long NO_ACCOUNT_LIMIT = Long.MAX_VALUE;

  private static Optional<AttachmentMeta> file(String name, String type, long size) {
    return Optional.of(new AttachmentMeta(name, type, size));
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @CsvSource(delimiter = '|', textBlock = """
      FACEBOOK_MESSENGER | 2000  | UTF16_UNITS
      FACEBOOK_PAGE      | 65536 | UTF16_UNITS
      INSTAGRAM          | 1000  | UTF8_BYTES
      WHATSAPP           | 4096  | UTF16_UNITS
      TELEGRAM           | 4096  | UTF16_UNITS
      TEAMS              | 80000 | UTF8_BYTES
      TWITTER            | 10000 | UTF16_UNITS
      SMS                | 1600  | UTF16_UNITS
      VIBER              | 7000  | UTF16_UNITS
      LINE               | 5000  | UTF16_UNITS
      GENERIC            | 65536 | UTF16_UNITS
      """)
  void textIsAcceptedAtExactlyTheLimitAndRefusedOneOver(ChannelType channel, int limit, TextUnit unit) {
    ChannelLimits limits = ChannelLimits.forChannel(channel);

    assertThat(limits.maxTextLength()).isEqualTo(limit);
    assertThat(limits.textUnit()).isEqualTo(unit);
    assertThatCode(() -> limits.check("a".repeat(limit), Optional.empty(), NO_ACCOUNT_LIMIT))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> limits.check("a".repeat(limit + 1), Optional.empty(), NO_ACCOUNT_LIMIT))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageContaining(String.valueOf(limit + 1)).hasMessageContaining(String.valueOf(limit))
        .hasMessageContaining(channel.displayName());
  }

  @Test
  void telegramCountsAnEmojiAsTwoUnits() {
    ChannelLimits telegram = ChannelLimits.forChannel(ChannelType.TELEGRAM);
    String emoji = "\uD83D\uDE00"; // U+1F600, two UTF-16 units

    assertThatCode(() -> telegram.checkText(emoji.repeat(2048), false)).doesNotThrowAnyException();
    assertThatThrownBy(() -> telegram.checkText(emoji.repeat(2048) + "a", false))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("4097 characters");
  }

  @Test
  void instagramCountsUtf8Bytes() {
    ChannelLimits instagram = ChannelLimits.forChannel(ChannelType.INSTAGRAM);
    String emoji = "\uD83D\uDE00"; // 4 bytes of UTF-8

    assertThatCode(() -> instagram.checkText(emoji.repeat(250), false)).doesNotThrowAnyException();
    assertThatThrownBy(() -> instagram.checkText(emoji.repeat(250) + "é", false))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("1002 bytes of UTF-8");
  }

  @Test
  void aCaptionHasItsOwnLimitWhereTheChannelSetsOne() {
    ChannelLimits telegram = ChannelLimits.forChannel(ChannelType.TELEGRAM);
    Optional<AttachmentMeta> photo = file("a.png", "image/png", 1);

    assertThatCode(() -> telegram.check("a".repeat(1024), photo, NO_ACCOUNT_LIMIT)).doesNotThrowAnyException();
    assertThatThrownBy(() -> telegram.check("a".repeat(1025), photo, NO_ACCOUNT_LIMIT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("caption")
        .hasMessageContaining("1024");
  }

  @ParameterizedTest(name = "{0} {1}: up to {2} MB")
  @CsvSource(delimiter = '|', textBlock = """
      WHATSAPP           | image/jpeg      | 5
      WHATSAPP           | video/mp4       | 16
      WHATSAPP           | audio/ogg       | 16
      WHATSAPP           | application/pdf | 100
      INSTAGRAM          | image/png       | 8
      INSTAGRAM          | video/webm      | 25
      INSTAGRAM          | application/pdf | 25
      FACEBOOK_MESSENGER | image/gif       | 25
      TELEGRAM           | image/jpeg      | 10
      TELEGRAM           | application/zip | 50
      VIBER              | image/jpeg      | 1
      VIBER              | video/mp4       | 26
      SMS                | image/jpeg      | 5
      LINE               | image/png       | 10
      """)
  void aFileIsAcceptedAtExactlyTheLimitForItsKindAndRefusedOneByteOver(ChannelType channel,
      String type, long mb) {
    ChannelLimits limits = ChannelLimits.forChannel(channel);

    assertThatCode(() -> limits.check("", file("f", type, mb * MB), NO_ACCOUNT_LIMIT))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> limits.check("", file("f", type, mb * MB + 1), NO_ACCOUNT_LIMIT))
        .isExactlyInstanceOf(AttachmentRejectedException.class)
        .hasMessageContaining(mb + " MB").hasMessageContaining(channel.displayName())
        .hasMessageContaining(String.valueOf(mb * MB + 1));
  }

  @Test
  void theAccountsLimitWinsWhenItIsSmaller() {
    ChannelLimits whatsApp = ChannelLimits.forChannel(ChannelType.WHATSAPP);

    assertThatCode(() -> whatsApp.check("", file("p.png", "image/png", 2 * MB), 2 * MB))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> whatsApp.check("", file("p.png", "image/png", 2 * MB + 1), 2 * MB))
        .isInstanceOf(AttachmentRejectedException.class)
        .hasMessageContaining("the account allows at most 2 MB").hasMessageContaining("5 MB");
    assertThat(whatsApp.maxAttachmentBytes("image/png", 2 * MB)).isEqualTo(2 * MB);
    assertThat(whatsApp.maxAttachmentBytes("image/png", 15 * MB)).isEqualTo(5 * MB);
  }

  @Test
  void aTypeTheChannelDoesNotTakeIsRefusedListingTheAcceptedOnes() {
    ChannelLimits whatsApp = ChannelLimits.forChannel(ChannelType.WHATSAPP);

    assertThatThrownBy(() -> whatsApp.check("hi", file("cat.gif", "image/gif", 10), NO_ACCOUNT_LIMIT))
        .isInstanceOf(AttachmentRejectedException.class)
        .hasMessageContaining("cat.gif").hasMessageContaining("image/gif")
        .hasMessageContaining("images: image/jpeg, image/png")
        .hasMessageContaining("application/pdf");
    assertThatThrownBy(() -> ChannelLimits.forChannel(ChannelType.INSTAGRAM)
        .maxAttachmentBytes("application/zip", NO_ACCOUNT_LIMIT))
        .isInstanceOf(AttachmentRejectedException.class).hasMessageContaining("files: application/pdf");
  }

  @Test
  void mimeTypesAreComparedWithoutParametersOrCase() {
    ChannelLimits whatsApp = ChannelLimits.forChannel(ChannelType.WHATSAPP);

    assertThat(whatsApp.maxAttachmentBytes("Audio/OGG; codecs=opus", NO_ACCOUNT_LIMIT)).isEqualTo(16 * MB);
    assertThat(MediaKind.of(" VIDEO/mp4 ")).isEqualTo(MediaKind.VIDEO);
    assertThat(MediaKind.of("application/pdf")).isEqualTo(MediaKind.FILE);
  }

  @Test
  void theGenericChannelSetsNoSizeOfItsOwn() {
    ChannelLimits generic = ChannelLimits.forChannel(ChannelType.GENERIC);

    assertThat(generic.maxAttachmentBytes("application/x-anything", 15 * MB)).isEqualTo(15 * MB);
  }

  @Test
  void theAccountLimitMustBePositive() {
    assertThatThrownBy(() -> ChannelLimits.forChannel(ChannelType.SMS)
        .check("", file("a.png", "image/png", 1), 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("accountLimit");
  }

  @ParameterizedTest
  @EnumSource(ChannelType.class)
  void noKindExceedsTheChannelsOwnAttachmentLimit(ChannelType channel) {
    ChannelLimits limits = ChannelLimits.forChannel(channel);

    for (MediaKind kind : MediaKind.values()) {
      assertThat(limits.media(kind).maxBytes()).as(kind.name()).isLessThanOrEqualTo(channel.maxAttachmentBytes());
    }
    assertThat(limits.maxCaptionLength()).isLessThanOrEqualTo(limits.maxTextLength());
  }
}
