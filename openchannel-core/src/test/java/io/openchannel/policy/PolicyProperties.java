package io.openchannel.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.ChannelType;
import io.openchannel.interaction.Visibility;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PolicyProperties {
  private static final long MINUTE = 60_000L;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;
  private static final long YEAR_2100 = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();

  @Property
  void beforeTheWindowEndsMetaNeverSaysTheWindowIsClosed(@ForAll("metaChannels") ChannelType channel,
      @ForAll("instants") Instant lastInbound, @ForAll("insideTheWindow") long sinceLastInbound,
      @ForAll SendKind kind, @ForAll boolean tag, @ForAll boolean legacy, @ForAll("counts") int sent) {
    SendContext context = SendContext.builder(channel, kind, lastInbound.plusMillis(sinceLastInbound))
        .lastInbound(lastInbound).sentSinceWindowClosed(sent).options(new PolicyOptions(tag, legacy))
        .build();

    SendDecision decision = ChannelPolicies.decide(context);

    if (kind == SendKind.TEMPLATE) {
      assertThat(decision).isInstanceOf(SendDecision.Denied.class);
      assertThat(((SendDecision.Denied) decision).reason()).isEqualTo(DenialReason.TEMPLATE_NOT_SUPPORTED);
    } else {
      assertThat(decision.orElseThrow().messagingType()).contains(MessagingType.RESPONSE);
    }
  }

  @Property
  void untilIsAlwaysAfterNow(@ForAll("contexts") SendContext context) {
    SendDecision decision = ChannelPolicies.decide(context);

    decision.until().ifPresent(until -> assertThat(until).isAfter(context.now()));
  }

  @Property
  void onceMetaDeniesItKeepsDenyingLater(@ForAll("contexts") SendContext context,
      @ForAll("metaChannels") ChannelType channel, @ForAll("offsets") long later) {
    SendContext meta = new SendContext(channel, context.kind(), context.now(), context.lastInbound(),
        context.customerHasWritten(), context.sentSinceWindowClosed(), Optional.empty(),
        context.options(), context.visibility());
    SendContext laterContext = meta.at(meta.now().plusMillis(Math.abs(later)));

    if (!ChannelPolicies.decide(meta).isAllowed()) {
      assertThat(ChannelPolicies.decide(laterContext).isAllowed()).isFalse();
    }
  }

  @Property
  void whatsAppAlwaysAllowsTemplates(@ForAll("contexts") SendContext context) {
    SendContext template = new SendContext(ChannelType.WHATSAPP, SendKind.TEMPLATE, context.now(),
        context.lastInbound(), context.customerHasWritten(), context.sentSinceWindowClosed(),
        context.replyTokenIssuedAt(), context.options(), context.visibility());

    assertThat(ChannelPolicies.decide(template).orElseThrow().template()).isTrue();
  }

  @Property
  void metaAllowsAPublicReplyWhateverTheWindow(@ForAll("contexts") SendContext context,
      @ForAll("metaChannels") ChannelType channel) {
    SendContext publicReply = new SendContext(channel, SendKind.AGENT_MESSAGE, context.now(),
        context.lastInbound(), context.customerHasWritten(), context.sentSinceWindowClosed(),
        Optional.empty(), context.options(), Visibility.PUBLIC);

    SendDecision decision = ChannelPolicies.decide(publicReply);
    assertThat(decision.isAllowed()).isTrue();
    assertThat(decision.until()).isEmpty();
  }

  @Provide
  Arbitrary<ChannelType> metaChannels() {
    return Arbitraries.of(ChannelType.FACEBOOK_MESSENGER, ChannelType.INSTAGRAM);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(0, YEAR_2100).map(Instant::ofEpochMilli);
  }

  @Provide
  Arbitrary<Long> insideTheWindow() {
    return Arbitraries.oneOf(Arbitraries.longs().between(-HOUR, DAY - 1),
        Arbitraries.of(0L, DAY - 1, DAY - MINUTE));
  }

  /** Milliseconds from the customer's last message, crowded around the window edges. */
  @Provide
  Arbitrary<Long> offsets() {
    return Arbitraries.oneOf(Arbitraries.longs().between(-HOUR, 10 * DAY),
        Arbitraries.of(-1L, 0L, 1L, 30_000L, DAY - 1, DAY, DAY + 1, 7 * DAY - 1, 7 * DAY, 7 * DAY + 1));
  }

  @Provide
  Arbitrary<Integer> counts() {
    return Arbitraries.integers().between(0, 3);
  }

  @Provide
  Arbitrary<SendContext> contexts() {
    Arbitrary<Optional<Long>> sinceLastInbound = offsets().optional();
    Arbitrary<Optional<Long>> tokenAge = Arbitraries.oneOf(offsets(),
        Arbitraries.longs().between(-MINUTE, 2 * MINUTE)).optional();
    Arbitrary<PolicyOptions> options =
        Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false)).as(PolicyOptions::new);
    return Combinators.combine(Arbitraries.of(ChannelType.class), Arbitraries.of(SendKind.class),
        instants(), sinceLastInbound, Arbitraries.of(true, false), counts(), tokenAge, options)
        .as((channel, kind, now, since, wrote, sent, token, opts) -> new SendContext(channel, kind,
            now, since.map(now::minusMillis), wrote || since.isPresent(), sent,
            token.map(now::minusMillis), opts, Visibility.PRIVATE));
  }
}
