package io.openchannel.policy;

import static io.openchannel.policy.Decided.T0;
import static io.openchannel.policy.Decided.after;
import static io.openchannel.policy.Decided.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.ChannelType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WhatsAppPolicyTest {
  private static final ChannelType WA = ChannelType.WHATSAPP;

  @ParameterizedTest(name = "{1} after {0} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      PT23H59M        | AGENT_MESSAGE | allowed until +PT24H
      PT23H59M59.999S | AGENT_MESSAGE | allowed until +PT24H
      PT24H           | AGENT_MESSAGE | denied TEMPLATE_REQUIRED
      PT24H1M         | AGENT_MESSAGE | denied TEMPLATE_REQUIRED
      PT167H          | AGENT_MESSAGE | denied TEMPLATE_REQUIRED
      PT23H59M        | AUTO_REPLY    | allowed until +PT24H
      PT24H1M         | AUTO_REPLY    | denied TEMPLATE_REQUIRED
      PT23H59M        | TEMPLATE      | TEMPLATE
      PT24H1M         | TEMPLATE      | TEMPLATE
      PT168H1M        | TEMPLATE      | TEMPLATE
      """)
  void freeTextOnlyInsideTheWindowTemplatesAnyTime(Duration elapsed, SendKind kind, String expected) {
    assertThat(describe(ChannelPolicies.decide(after(WA, kind, elapsed).build())))
        .isEqualTo(expected);
  }

  @Test
  void freeTextOutsideTheWindowIsRefusedWithAdviceToUseATemplate() {
    SendDecision.Denied denied = (SendDecision.Denied) ChannelPolicies.decide(
        after(WA, SendKind.AGENT_MESSAGE, Duration.ofHours(25)).build());

    assertThat(denied.reason()).isEqualTo(DenialReason.TEMPLATE_REQUIRED);
    assertThat(denied.message()).contains("24 hours").contains("approved template");
    assertThat(denied.until()).isEmpty();
  }

  @Test
  void aFirstContactMayBeATemplateButNotFreeText() {
    SendContext.Builder firstContact = SendContext.builder(WA, SendKind.TEMPLATE, T0);

    assertThat(describe(ChannelPolicies.decide(firstContact.build()))).isEqualTo("TEMPLATE");
    assertThat(describe(ChannelPolicies.decide(
        SendContext.builder(WA, SendKind.AGENT_MESSAGE, T0).build())))
        .isEqualTo("denied TEMPLATE_REQUIRED");
  }

  @Test
  void theBusinesssOwnMessagesDoNotRefreshTheWindow() {
    // The customer wrote at T0 and the agent answered at T0 + 23 h. Only the customer's message
    // counts: the context has no place for the agent's, so an hour later the window is closed.
    SendContext afterAgentsAnswer = after(WA, SendKind.AGENT_MESSAGE, Duration.ofHours(24).plusMinutes(1))
        .sentSinceWindowClosed(0).build();

    assertThat(describe(ChannelPolicies.decide(afterAgentsAnswer)))
        .isEqualTo("denied TEMPLATE_REQUIRED");
  }

  @Test
  void metaOnlyOptionsDoNotApplyToWhatsApp() {
    SendContext late = after(WA, SendKind.AGENT_MESSAGE, Duration.ofHours(25))
        .options(new PolicyOptions(true, true)).build();

    assertThat(describe(ChannelPolicies.decide(late))).isEqualTo("denied TEMPLATE_REQUIRED");
  }
}
