package io.openchannel.policy;

import static io.openchannel.policy.Decided.T0;
import static io.openchannel.policy.Decided.after;
import static io.openchannel.policy.Decided.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.ChannelType;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MetaWindowPolicyTest {

  @ParameterizedTest(name = "{0} {5} after {1} (tag={2}, legacy={3}, sent={4}) -> {6}")
  @CsvSource(delimiter = '|', textBlock = """
      # channel         | elapsed          | tag   | legacy | sent | kind          | expected
      FACEBOOK_MESSENGER | PT23H59M         | false | false  | 0    | AGENT_MESSAGE | RESPONSE until +PT24H
      FACEBOOK_MESSENGER | PT23H59M59.999S  | false | false  | 0    | AGENT_MESSAGE | RESPONSE until +PT24H
      FACEBOOK_MESSENGER | PT24H            | false | false  | 0    | AGENT_MESSAGE | denied WINDOW_CLOSED
      FACEBOOK_MESSENGER | PT24H1M          | false | false  | 0    | AGENT_MESSAGE | denied WINDOW_CLOSED
      FACEBOOK_MESSENGER | PT23H59M         | false | false  | 0    | AUTO_REPLY    | RESPONSE until +PT24H
      FACEBOOK_MESSENGER | PT24H1M          | false | false  | 0    | AUTO_REPLY    | denied WINDOW_CLOSED
      FACEBOOK_MESSENGER | PT23H59M         | true  | false  | 0    | AGENT_MESSAGE | RESPONSE until +PT24H
      FACEBOOK_MESSENGER | PT24H            | true  | false  | 0    | AGENT_MESSAGE | MESSAGE_TAG HUMAN_AGENT until +PT168H
      FACEBOOK_MESSENGER | PT24H1M          | true  | false  | 0    | AGENT_MESSAGE | MESSAGE_TAG HUMAN_AGENT until +PT168H
      FACEBOOK_MESSENGER | PT167H           | true  | false  | 3    | AGENT_MESSAGE | MESSAGE_TAG HUMAN_AGENT until +PT168H
      FACEBOOK_MESSENGER | PT167H59M59.999S | true  | false  | 0    | AGENT_MESSAGE | MESSAGE_TAG HUMAN_AGENT until +PT168H
      FACEBOOK_MESSENGER | PT168H           | true  | false  | 0    | AGENT_MESSAGE | denied WINDOW_CLOSED
      FACEBOOK_MESSENGER | PT168H1M         | true  | false  | 0    | AGENT_MESSAGE | denied WINDOW_CLOSED
      FACEBOOK_MESSENGER | PT24H1M          | true  | false  | 0    | AUTO_REPLY    | denied HUMAN_AGENT_NOT_FOR_AUTOMATION
      FACEBOOK_MESSENGER | PT167H           | true  | false  | 0    | AUTO_REPLY    | denied HUMAN_AGENT_NOT_FOR_AUTOMATION
      FACEBOOK_MESSENGER | PT168H1M         | true  | false  | 0    | AUTO_REPLY    | denied WINDOW_CLOSED
      FACEBOOK_MESSENGER | PT23H59M         | false | true   | 0    | AGENT_MESSAGE | RESPONSE until +PT24H
      FACEBOOK_MESSENGER | PT24H1M          | false | true   | 0    | AGENT_MESSAGE | UPDATE
      FACEBOOK_MESSENGER | PT24H1M          | false | true   | 1    | AGENT_MESSAGE | denied LEGACY_EXTRA_MESSAGE_USED
      FACEBOOK_MESSENGER | PT168H1M         | false | true   | 0    | AGENT_MESSAGE | UPDATE
      FACEBOOK_MESSENGER | PT168H1M         | false | true   | 1    | AGENT_MESSAGE | denied LEGACY_EXTRA_MESSAGE_USED
      FACEBOOK_MESSENGER | PT24H1M          | false | true   | 0    | AUTO_REPLY    | denied WINDOW_CLOSED
      FACEBOOK_MESSENGER | PT167H           | true  | true   | 2    | AGENT_MESSAGE | MESSAGE_TAG HUMAN_AGENT until +PT168H
      FACEBOOK_MESSENGER | PT168H1M         | true  | true   | 0    | AGENT_MESSAGE | UPDATE
      FACEBOOK_MESSENGER | PT168H1M         | true  | true   | 2    | AGENT_MESSAGE | denied LEGACY_EXTRA_MESSAGE_USED
      FACEBOOK_MESSENGER | PT23H59M         | false | false  | 0    | TEMPLATE      | denied TEMPLATE_NOT_SUPPORTED
      FACEBOOK_MESSENGER | -PT5M            | false | false  | 0    | AGENT_MESSAGE | RESPONSE until +PT24H
      INSTAGRAM          | PT23H59M         | false | false  | 0    | AGENT_MESSAGE | RESPONSE until +PT24H
      INSTAGRAM          | PT24H            | false | false  | 0    | AGENT_MESSAGE | denied WINDOW_CLOSED
      INSTAGRAM          | PT24H1M          | false | false  | 0    | AGENT_MESSAGE | denied WINDOW_CLOSED
      INSTAGRAM          | PT24H1M          | true  | false  | 0    | AGENT_MESSAGE | MESSAGE_TAG HUMAN_AGENT until +PT168H
      INSTAGRAM          | PT167H           | true  | false  | 0    | AGENT_MESSAGE | MESSAGE_TAG HUMAN_AGENT until +PT168H
      INSTAGRAM          | PT168H1M         | true  | false  | 0    | AGENT_MESSAGE | denied WINDOW_CLOSED
      INSTAGRAM          | PT24H1M          | true  | false  | 0    | AUTO_REPLY    | denied HUMAN_AGENT_NOT_FOR_AUTOMATION
      INSTAGRAM          | PT24H1M          | false | true   | 0    | AGENT_MESSAGE | UPDATE
      INSTAGRAM          | PT24H1M          | false | true   | 1    | AGENT_MESSAGE | denied LEGACY_EXTRA_MESSAGE_USED
      """)
  void decidesAtTheWindowEdges(ChannelType channel, Duration elapsed, boolean tag, boolean legacy,
      int sent, SendKind kind, String expected) {
    SendContext context = after(channel, kind, elapsed)
        .options(new PolicyOptions(tag, legacy)).sentSinceWindowClosed(sent).build();

    assertThat(describe(ChannelPolicies.decide(context))).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(names = {"FACEBOOK_MESSENGER", "INSTAGRAM"})
  void aCustomerWhoNeverWroteCannotBeMessagedEvenWithEveryOption(ChannelType channel) {
    SendContext context = SendContext.builder(channel, SendKind.AGENT_MESSAGE, T0)
        .options(new PolicyOptions(true, true)).build();

    SendDecision decision = ChannelPolicies.decide(context);

    assertThat(describe(decision)).isEqualTo("denied BUSINESS_CANNOT_WRITE_FIRST");
    assertThat(((SendDecision.Denied) decision).message()).contains("never written");
  }

  @ParameterizedTest
  @EnumSource(names = {"FACEBOOK_MESSENGER", "INSTAGRAM"})
  void anUnknownLastMessageTimeCountsAsAClosedWindow(ChannelType channel) {
    SendContext context = SendContext.builder(channel, SendKind.AGENT_MESSAGE, T0)
        .customerHasWritten(true).options(new PolicyOptions(true, false)).build();

    assertThat(describe(ChannelPolicies.decide(context))).isEqualTo("denied WINDOW_CLOSED");
  }
}
