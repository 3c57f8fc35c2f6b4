package io.openchannel;

import static io.openchannel.ConversationFixture.ANN;
import static io.openchannel.ConversationFixture.AUTO;
import static io.openchannel.ConversationFixture.BOB;
import static io.openchannel.ConversationFixture.MAPPED;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.LifecycleModel.Reached;
import io.openchannel.account.AccountId;
import io.openchannel.event.EventJson;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.channel.SenderProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;

/**
 * Random sequences of customer messages and agent actions on two accounts, checked after every
 * step against a simple model of what must have been stored ({@link LifecycleModel}) and
 * against the model-free {@link ConversationInvariants}. A step that must fail is expected to
 * throw one of the exceptions its reasons allow and to change nothing at all.
 *
 * <p>Steps pick their interaction by index ({@code pick} modulo the interactions so far, 0 being
 * the newest), so a failing sequence shrinks to a short, readable list.
 */
class ConversationLifecycleProperties {

  @Property(tries = 300)
  void everyStepAgreesWithTheModelAndKeepsTheInvariants(@ForAll("scenarios") List<Step> steps) {
    LifecycleModel run = new LifecycleModel(new ConversationFixture());
    for (int n = 0; n < steps.size(); n++) {
      run.apply(n, steps.get(n));
    }
    for (OpenChannelEvent event : run.events()) {
      assertThat(EventJson.fromJson(EventJson.toJson(event))).as("JSON round trip").isEqualTo(event);
    }
    Set<Reached> reached = run.reached();
    for (Reached situation : Reached.values()) {
      Statistics.label(situation.name()).collect(reached.contains(situation));
      // A floor far below the usual rate (5-50%): it fails only if the generator degenerates.
      Statistics.label(situation.name()).coverage(coverage ->
          coverage.check(true).percentage(p -> p >= 1));
    }
  }

  // ---- the steps ------------------------------------------------------------------------------

  /** One thing that happens to the engine. */
  sealed interface Step {}

  /** A customer's text message with a new channel message id. */
  record Inbound(Sender sender, String text) implements Step {}

  /** A customer's file (a voice message when {@code voice}) with an optional caption. */
  record InboundFile(Sender sender, String caption, boolean voice) implements Step {}

  /** A webhook retry: an earlier inbound message delivered again, same channel message id. */
  record Resend(int pick) implements Step {}

  /** The host (or routing) assigns an interaction. */
  record Assign(int pick, AgentId agent) implements Step {}

  record Reply(int pick, Who who, String text) implements Step {}

  record Note(int pick, Who who, String text) implements Step {}

  record Canned(int pick, Who who, String answer) implements Step {}

  record MarkRead(int pick, Who who, boolean read) implements Step {}

  record ChangeTag(int pick, Who who, String tag, boolean add) implements Step {}

  record AgentClose(int pick, Who who) implements Step {}

  record CloseAndDispose(int pick, Who who, String disposition) implements Step {}

  /** {@link OpenChannel#close(io.openchannel.interaction.InteractionId)}. */
  record HostClose(int pick) implements Step {}

  /** Which agent acts: the interaction's owner (Ann if none), or the other one. */
  enum Who {
    OWNER,
    OTHER;

    AgentId resolve(Optional<AgentId> owner) {
      if (this == OWNER) {
        return owner.orElse(ANN);
      }
      return owner.map(o -> o.equals(ANN) ? BOB : ANN).orElse(BOB);
    }
  }

  /**
   * The customers. A1 and B1 share a phone number, as do A2 and B3: when the A-sender writes
   * first, the B-sender joins their contact through MAPPED's map key (S5); B2 has no phone, so
   * the map key falls back to their address.
   */
  enum Sender {
    A1(AUTO, "psid-1", "Mia", "Rossi", "+39 100"),
    A2(AUTO, "psid-2", null, null, "+39 200"),
    B1(MAPPED, "web-1", "Mía", null, "+39 100"),
    B2(MAPPED, "web-2", null, null, null),
    B3(MAPPED, "web-3", "شيرين", "Zoë", "+39 200");

    final AccountId account;
    final SenderProfile profile;

    Sender(AccountId account, String id, String first, String last, String phone) {
      this.account = account;
      this.profile = new SenderProfile(id, Optional.ofNullable(first), Optional.ofNullable(last),
          phone == null ? Map.of() : Map.of("phone", phone));
    }

    ConversationKey key() {
      return ConversationKey.direct(account, profile.externalId());
    }
  }

  static final List<String> TEXTS = List.of(
      "Hi, my order has not arrived",
      "😀👍🏽 thanks!",
      "مرحبا، أحتاج إلى مساعدة",
      "Zoe\u0308 cafe\u0301 n\u0303",
      "👨‍👩‍👧 family plan?",
      "  padded  ",
      "line one\nline two");
  static final List<String> BLANKS = List.of("", " ", "\n\t ");

  // ---- generators -----------------------------------------------------------------------------

  @Provide
  Arbitrary<List<Step>> scenarios() {
    // Mostly the newest interaction or one just before it, as an agent working the latest chats.
    Arbitrary<Integer> pick = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(0)),
        Tuple.of(2, Arbitraries.integers().between(1, 3)),
        Tuple.of(1, Arbitraries.integers().between(0, 63)));
    // Two talkative customers, one on each account, who share a phone number.
    Arbitrary<Sender> sender = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(Sender.A1)),
        Tuple.of(3, Arbitraries.just(Sender.B1)),
        Tuple.of(1, Arbitraries.of(Sender.A2, Sender.B2, Sender.B3)));
    Arbitrary<String> text = Arbitraries.of(TEXTS);
    Arbitrary<String> maybeBlank = Arbitraries.frequencyOf(
        Tuple.of(9, Arbitraries.of(TEXTS)), Tuple.of(1, Arbitraries.of(BLANKS)));
    Arbitrary<Who> who = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(Who.OWNER)), Tuple.of(1, Arbitraries.just(Who.OTHER)));
    Arbitrary<AgentId> agent = Arbitraries.of(ANN, BOB);
    Arbitrary<Boolean> bool = Arbitraries.of(true, false);

    Arbitrary<Step> step = Arbitraries.frequencyOf(
        Tuple.of(8, Combinators.combine(sender, text).as(Inbound::new)),
        Tuple.of(2, Combinators.combine(sender, Arbitraries.of("", "see attached 📎"), bool)
            .as(InboundFile::new)),
        Tuple.of(3, pick.map(Resend::new)),
        Tuple.of(9, Combinators.combine(pick, agent).as(Assign::new)),
        Tuple.of(5, Combinators.combine(pick, who, maybeBlank).as(Reply::new)),
        Tuple.of(2, Combinators.combine(pick, who, maybeBlank).as(Note::new)),
        Tuple.of(2, Combinators.combine(pick, who, Arbitraries.of("greet", "first", "missing"))
            .as(Canned::new)),
        Tuple.of(5, Combinators.combine(pick, who, Arbitraries.of(true, true, true, false))
            .as(MarkRead::new)),
        Tuple.of(3, Combinators.combine(pick, who, Arbitraries.of("vip", "billing", "🔥 hot"), bool)
            .as(ChangeTag::new)),
        Tuple.of(3, Combinators.combine(pick, who).as(AgentClose::new)),
        Tuple.of(3, Combinators.combine(pick, who, Arbitraries.of("resolved", "spam", "lost"))
            .as(CloseAndDispose::new)),
        Tuple.of(2, pick.map(HostClose::new)));
    return step.list().ofMinSize(1).ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform());
  }
}
