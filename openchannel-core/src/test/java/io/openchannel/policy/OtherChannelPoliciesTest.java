package io.openchannel.policy;

import static io.openchannel.policy.Decided.T0;
import static io.openchannel.policy.Decided.after;
import static io.openchannel.policy.Decided.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.ChannelType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OtherChannelPoliciesTest {

  @ParameterizedTest
  @EnumSource(names = {"TELEGRAM", "VIBER"})
  void aBotCannotWriteFirst(ChannelType channel) {
    SendDecision decision = ChannelPolicies.decide(
        SendContext.builder(channel, SendKind.AGENT_MESSAGE, T0).build());

    assertThat(describe(decision)).isEqualTo("denied BUSINESS_CANNOT_WRITE_FIRST");
    assertThat(((SendDecision.Denied) decision).message())
        .contains(channel.displayName()).contains("wait until the customer writes");
  }

  @ParameterizedTest
  @EnumSource(names = {"TELEGRAM", "VIBER"})
  void onceTheCustomerWroteThereIsNoWindow(ChannelType channel) {
    assertThat(describe(ChannelPolicies.decide(
        after(channel, SendKind.AGENT_MESSAGE, Duration.ofDays(400)).build()))).isEqualTo("allowed");
    assertThat(describe(ChannelPolicies.decide(SendContext.builder(channel, SendKind.AUTO_REPLY, T0)
        .customerHasWritten(true).build()))).isEqualTo("allowed");
  }

  @ParameterizedTest
  @EnumSource(names = {"TEAMS", "TWITTER", "SMS", "GENERIC", "FACEBOOK_PAGE"})
  void channelsWithoutAWindowAllowEverythingButTemplatesAtAnyTime(ChannelType channel) {
    assertThat(describe(ChannelPolicies.decide(
        SendContext.builder(channel, SendKind.AGENT_MESSAGE, T0).build()))).isEqualTo("allowed");
    assertThat(describe(ChannelPolicies.decide(
        after(channel, SendKind.AUTO_REPLY, Duration.ofDays(30)).build()))).isEqualTo("allowed");
    assertThat(describe(ChannelPolicies.decide(
        after(channel, SendKind.TEMPLATE, Duration.ofHours(1)).build())))
        .isEqualTo("denied TEMPLATE_NOT_SUPPORTED");
  }

  @ParameterizedTest(name = "token issued {0} before now -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      PT0S        | REPLY_TOKEN until +PT30S
      PT29.999S   | REPLY_TOKEN until +PT30S
      PT30S       | PUSH
      PT59S       | PUSH
      PT1M1S      | PUSH
      -PT2S       | REPLY_TOKEN until +PT30S
      """)
  void lineRepliesWithTheTokenForThirtySecondsThenPushes(Duration tokenAge, String expected) {
    SendContext context = SendContext.builder(ChannelType.LINE, SendKind.AGENT_MESSAGE,
        T0.plus(tokenAge)).lastInbound(T0).replyTokenIssuedAt(T0).build();

    assertThat(describe(ChannelPolicies.decide(context))).isEqualTo(expected);
  }

  @Test
  void lineWithoutAnUnusedTokenPushes() {
    SendContext context = SendContext.builder(ChannelType.LINE, SendKind.AUTO_REPLY,
        Instant.parse("2024-03-01T10:00:01Z")).lastInbound(T0).build();

    assertThat(describe(ChannelPolicies.decide(context))).isEqualTo("PUSH");
  }
}
