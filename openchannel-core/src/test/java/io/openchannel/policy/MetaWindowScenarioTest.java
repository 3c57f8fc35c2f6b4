package io.openchannel.policy;

import static io.openchannel.policy.Decided.T0;
import static io.openchannel.policy.Decided.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.SendNotAllowedException;
import io.openchannel.account.ChannelType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetaWindowScenarioTest {
  private static final ChannelType FB = ChannelType.FACEBOOK_MESSENGER;
  private static final PolicyOptions LEGACY = new PolicyOptions(false, true);

  private static SendDecision agentAt(Duration sinceT0, Instant lastInbound, int sent,
      PolicyOptions options) {
    return ChannelPolicies.decide(SendContext.builder(FB, SendKind.AGENT_MESSAGE, T0.plus(sinceT0))
        .lastInbound(lastInbound).sentSinceWindowClosed(sent).options(options).build());
  }

  @Test
  void underTheLegacyRuleTheSecondMessageAfterTheWindowIsRefused() {
    assertThat(describe(agentAt(Duration.ofHours(25), T0, 0, LEGACY))).isEqualTo("UPDATE");

    SendDecision second = agentAt(Duration.ofHours(25).plusMinutes(1), T0, 1, LEGACY);

    assertThat(describe(second)).isEqualTo("denied LEGACY_EXTRA_MESSAGE_USED");
    assertThat(((SendDecision.Denied) second).message())
        .contains("one extra message").contains("wait until the customer writes again");
  }

  @Test
  void aCustomerReplyReopensTheWindowAfterTheLegacyExtraMessageWasUsed() {
    Instant reply = T0.plus(Duration.ofHours(30));

    SendDecision decision = agentAt(Duration.ofHours(31), reply, 0, LEGACY);

    assertThat(describe(decision)).isEqualTo("RESPONSE until +PT54H");
  }

  @Test
  void aCustomerReplyReopensAClosedWindow() {
    assertThat(describe(agentAt(Duration.ofHours(25), T0, 0, PolicyOptions.NONE)))
        .isEqualTo("denied WINDOW_CLOSED");

    Instant reply = T0.plus(Duration.ofHours(26));

    assertThat(describe(agentAt(Duration.ofHours(26).plusMinutes(1), reply, 0, PolicyOptions.NONE)))
        .isEqualTo("RESPONSE until +PT50H");
  }

  @Test
  void theHumanAgentTagIsNeverUsedForAutoReplies() {
    SendContext autoReply = SendContext.builder(FB, SendKind.AUTO_REPLY, T0.plus(Duration.ofDays(2)))
        .lastInbound(T0).options(new PolicyOptions(true, true)).build();

    SendDecision decision = ChannelPolicies.decide(autoReply);

    assertThat(decision).isInstanceOf(SendDecision.Denied.class);
    SendDecision.Denied denied = (SendDecision.Denied) decision;
    assertThat(denied.reason()).isEqualTo(DenialReason.HUMAN_AGENT_NOT_FOR_AUTOMATION);
    assertThat(denied.message()).contains("human agents").contains(Decisions.readable(T0.plus(Duration.ofDays(7))));
    assertThat(denied.until()).isEmpty();
  }

  @Test
  void timesInMessagesReadAsPeopleWriteThem() {
    assertThat(Decisions.readable(java.time.Instant.parse("2025-06-02T09:11:35.250Z")))
        .isEqualTo("2025-06-02 09:11:35 UTC");
  }

  @Test
  void aClosedWindowSaysWhenTheCustomerLastWroteWhatToDoAndThatTheTagWouldHelp() {
    SendDecision.Denied denied =
        (SendDecision.Denied) agentAt(Duration.ofHours(25), T0, 0, PolicyOptions.NONE);

    assertThat(denied.message()).contains("Facebook Messenger").contains("24 hours")
        .contains(Decisions.readable(T0)).contains("wait until the customer writes again")
        .contains("HUMAN_AGENT");
    assertThat(denied.until()).as("only the customer can reopen it").isEmpty();
  }

  @Test
  void theSendPathGetsASendNotAllowedExceptionWithTheDenialsMessage() {
    SendDecision decision = agentAt(Duration.ofHours(25), T0, 0, PolicyOptions.NONE);
    String message = ((SendDecision.Denied) decision).message();

    assertThatThrownBy(decision::orElseThrow)
        .isExactlyInstanceOf(SendNotAllowedException.class).hasMessage(message);
    assertThat(((SendDecision.Denied) decision).toException()).hasMessage(message);
  }

  @Test
  void anAllowedDecisionIsReturnedBySendPath() {
    SendDecision decision = agentAt(Duration.ofHours(1), T0, 0, PolicyOptions.NONE);

    assertThat(decision.isAllowed()).isTrue();
    assertThat(decision.orElseThrow().messagingType()).contains(MessagingType.RESPONSE);
  }

  @Test
  void aContextForAnotherChannelIsAProgrammingError() {
    SendContext whatsApp = SendContext.builder(ChannelType.WHATSAPP, SendKind.AGENT_MESSAGE, T0).build();

    assertThatThrownBy(() -> ChannelPolicies.forChannel(FB).decide(whatsApp))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("forChannel(WHATSAPP)");
  }
}
