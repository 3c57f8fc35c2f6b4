package io.openchannel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import org.junit.jupiter.api.Test;

class AccountTest {
  private static final long MB = 1024 * 1024;

  @Test
  void theDefaultAttachmentLimitIsFifteenMegabytesOrTheChannelsIfLower() {
    assertThat(Account.of(AccountId.of("fb"), ChannelType.FACEBOOK_MESSENGER, "fb",
        AccountSettings.defaults()).maxAttachmentBytes()).isEqualTo(15 * MB);
    assertThat(Account.of(AccountId.of("sms"), ChannelType.SMS, "sms",
        AccountSettings.defaults()).maxAttachmentBytes()).isEqualTo(5 * MB);
  }

  @Test
  void anExplicitLimitAboveTheChannelsIsRefusedWithBothNumbers() {
    AccountSettings settings = AccountSettings.builder().maxAttachmentBytes(30 * MB).build();

    assertThatThrownBy(() -> Account.of(AccountId.of("fb"), ChannelType.FACEBOOK_MESSENGER, "fb", settings))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("30 MB").hasMessageContaining("25 MB");
  }

  @Test
  void aLimitAtTheChannelsIsAccepted() {
    Account a = Account.of(AccountId.of("fb"), ChannelType.FACEBOOK_MESSENGER, "fb",
        AccountSettings.builder().maxAttachmentBytes(25 * MB).build());

    assertThat(a.maxAttachmentBytes()).isEqualTo(25 * MB);
  }

  @Test
  void anEmptyReplyUrlDisablesReplies() {
    assertThat(AccountSettings.builder().replyUrl("  ").build().replyEnabled()).isFalse();
    assertThat(AccountSettings.builder().replyUrl("https://x.example/reply").build().replyEnabled()).isTrue();
  }

  @Test
  void badSettingsNameTheSettingAndTheFix() {
    assertThatThrownBy(() -> AccountSettings.builder().replyUrl("ftp://x").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("http(s)");
    assertThatThrownBy(() -> AccountSettings.builder().replyUrl("not a url").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("replyUrl");
    assertThatThrownBy(() -> AccountSettings.builder().maxAttachmentBytes(0L).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("attachmentsEnabled(false)");
    assertThatThrownBy(() -> AccountSettings.builder().replyUrl("https://x.example").autoReply(" ").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("autoReply");
    assertThatThrownBy(() -> AccountSettings.builder().autoReply("Thanks!").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a replyUrl");
  }

  @Test
  void settingsSurviveARoundTripThroughTheirBuilder() {
    AccountSettings s = AccountSettings.builder().replyUrl("https://x.example/r").transferAllowed(true)
        .autoReply("hi").mapKey("email").maxAttachmentBytes(MB).attachmentsEnabled(false)
        .humanAgentTag(true).legacyOneMoreMessage(true).build();

    assertThat(s.toBuilder().build()).isEqualTo(s);
  }

  @Test
  void channelRuleOptionsAreOffByDefault() {
    AccountSettings s = AccountSettings.defaults();

    assertThat(s.humanAgentTag()).isFalse();
    assertThat(s.legacyOneMoreMessage()).isFalse();
  }

  @Test
  void channelRuleOptionsAreKeptByTheBuilder() {
    AccountSettings s = AccountSettings.builder().humanAgentTag(true).build();

    assertThat(s.humanAgentTag()).isTrue();
    assertThat(s.legacyOneMoreMessage()).isFalse();
    assertThat(s.toBuilder().humanAgentTag(false).legacyOneMoreMessage(true).build())
        .extracting(AccountSettings::humanAgentTag, AccountSettings::legacyOneMoreMessage)
        .containsExactly(false, true);
  }

  @Test
  void idsAndNamesAreValidated() {
    assertThatThrownBy(() -> AccountId.of(" ")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> AccountId.of("a\nb")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> AccountId.of("x".repeat(129))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Account.of(AccountId.of("a"), ChannelType.SMS, " ", AccountSettings.defaults()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("name");
  }
}
