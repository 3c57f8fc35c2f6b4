package io.openchannel.policy;

import static io.openchannel.policy.Decided.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.interaction.Visibility;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChannelPoliciesTest {

  @ParameterizedTest
  @EnumSource(ChannelType.class)
  void everyChannelHasOneBuiltInPolicyWithItsLimits(ChannelType channel) {
    ChannelPolicy policy = ChannelPolicies.forChannel(channel);

    assertThat(policy.channel()).isEqualTo(channel);
    assertThat(ChannelPolicies.forChannel(channel)).isSameAs(policy);
    assertThat(policy.limits()).isEqualTo(ChannelLimits.forChannel(channel));
    assertThat(policy.limits().channel()).isEqualTo(channel);
  }

  @Test
  void aNullChannelOrContextIsRefused() {
    assertThatThrownBy(() -> ChannelPolicies.forChannel(null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ChannelPolicies.decide(null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ChannelPolicies.forChannel(ChannelType.SMS).decide(null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void optionsComeFromTheAccountSettings() {
    AccountSettings settings = AccountSettings.builder().humanAgentTag(true).build();

    assertThat(PolicyOptions.of(settings)).isEqualTo(new PolicyOptions(true, false));
    assertThat(PolicyOptions.of(AccountSettings.defaults())).isEqualTo(PolicyOptions.NONE);
  }

  @Test
  void theBuilderTreatsALastInboundAsProofTheCustomerWrote() {
    SendContext context = SendContext.builder(ChannelType.TELEGRAM, SendKind.AGENT_MESSAGE, T0)
        .lastInbound(T0.minusSeconds(5)).build();

    assertThat(context.customerHasWritten()).isTrue();
    assertThat(context.at(T0.plusSeconds(1)).now()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void inconsistentContextsAreRefused() {
    assertThatThrownBy(() -> new SendContext(ChannelType.TELEGRAM, SendKind.AGENT_MESSAGE, T0,
        Optional.of(T0), false, 0, Optional.empty(), PolicyOptions.NONE, Visibility.PRIVATE))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("customerHasWritten");
    assertThatThrownBy(() -> SendContext.builder(ChannelType.TELEGRAM, SendKind.AGENT_MESSAGE, T0)
        .sentSinceWindowClosed(-1).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("sentSinceWindowClosed");
    assertThatThrownBy(() -> SendContext.builder(ChannelType.TELEGRAM, SendKind.AGENT_MESSAGE, null).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("now");
  }

  @Test
  void aTagGoesWithTheMessageTagTypeOnly() {
    Instant until = T0.plusSeconds(60);

    assertThatThrownBy(() -> new SendDecision.Allowed(Optional.of(MessagingType.RESPONSE),
        Optional.of(MessageTag.HUMAN_AGENT), false, Optional.empty(), Optional.of(until)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new SendDecision.Allowed(Optional.of(MessagingType.MESSAGE_TAG),
        Optional.empty(), false, Optional.empty(), Optional.of(until)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(SendDecision.Allowed.tagged(MessageTag.HUMAN_AGENT, until).until()).contains(until);
  }

  @Test
  void aRefusalMustSayWhy() {
    assertThatThrownBy(() -> new SendDecision.Denied(DenialReason.WINDOW_CLOSED, " ", Optional.empty()))
        .isInstanceOf(InvalidInputException.class);
  }
}
