package io.openchannel.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.IllegalTransitionException;
import io.openchannel.InvalidInputException;
import io.openchannel.interaction.InteractionId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * The routing invariants hold after every step of random sequences of inbound messages,
 * accepts, rejects, stale accepts, timeouts, presence and capacity changes, transfers and closes,
 * for every strategy (see {@link RoutingWorld#check}).
 */
class RoutingProperties {

  @Property(tries = 1000)
  void routingInvariantsHoldAfterEveryStep(@ForAll("chains") ActionChain<RoutingWorld> chain) {
    chain.withInvariant("routing invariants", RoutingWorld::check).run();
  }

  @Provide
  Arbitrary<ActionChain<RoutingWorld>> chains() {
    return Combinators.combine(Arbitraries.of(RoutingStrategy.class), Arbitraries.of(true, false),
        Arbitraries.integers().between(1, 2), Arbitraries.of(true, false))
        .flatAs((strategy, requeue, capacity, reroute) ->
        ActionChain.startWith(() -> new RoutingWorld(strategy, requeue, capacity, reroute))
            .withAction(4, inbound())
            .withAction(4, answer(true))
            .withAction(3, answer(false))
            .withAction(1, staleAnswer())
            .withAction(2, advance())
            .withAction(2, presence())
            .withAction(1, capacity())
            .withAction(2, transfer())
            .withAction(2, close())
            .withMaxTransformations(30));
  }

  private static Action.Independent<RoutingWorld> inbound() {
    return () -> Arbitraries.of(true, false).map(wa ->
        Transformer.mutate("inbound " + (wa ? "WhatsApp" : "Messenger"), w -> w.inbound(wa)));
  }

  private static Action.Independent<RoutingWorld> answer(boolean accept) {
    return () -> Arbitraries.integers().between(0, 20).map(n ->
        Transformer.mutate((accept ? "accept" : "reject") + " pending #" + n, w -> {
          List<Offer> pending = w.pending();
          if (pending.isEmpty()) {
            return;
          }
          Offer o = pending.get(n % pending.size());
          if (accept) {
            w.f.oc.desk(o.agent()).accept(o.id());
          } else {
            w.f.oc.desk(o.agent()).reject(o.id());
          }
        }));
  }

  private static Action.Independent<RoutingWorld> staleAnswer() {
    return () -> Arbitraries.integers().between(0, 20).map(n ->
        Transformer.mutate("accept ended #" + n, w -> {
          Optional<Offer> o = w.ended(n);
          if (o.isEmpty()) {
            return;
          }
          int events = w.events();
          assertThatThrownBy(() -> w.f.oc.routing().accept(o.get().id()))
              .isInstanceOf(IllegalTransitionException.class);
          assertThatThrownBy(() -> w.f.oc.routing().reject(o.get().id()))
              .isInstanceOf(IllegalTransitionException.class);
          assertThat(w.events()).isEqualTo(events);
        }));
  }

  private static Action.Independent<RoutingWorld> advance() {
    return () -> Arbitraries.of(10, 30).map(s ->
        Transformer.mutate("advance " + s + "s", w -> w.f.time.advance(Duration.ofSeconds(s))));
  }

  private static Action.Independent<RoutingWorld> presence() {
    return () -> Combinators.combine(Arbitraries.integers().between(0, 3),
        Arbitraries.of(Presence.class)).as((i, p) ->
        Transformer.mutate("a" + i + " " + p, w -> w.f.oc.routing().setPresence(w.agents.get(i), p)));
  }

  private static Action.Independent<RoutingWorld> capacity() {
    return () -> Combinators.combine(Arbitraries.integers().between(0, 3),
        Arbitraries.of(RoutingWorld.CHANNELS), Arbitraries.integers().between(0, 3)).as((i, c, n) ->
        Transformer.mutate("a" + i + " capacity " + c + " " + n,
            w -> w.f.oc.routing().setCapacity(w.agents.get(i), c, n)));
  }

  private static Action.Independent<RoutingWorld> transfer() {
    return () -> Combinators.combine(Arbitraries.integers().between(0, 20),
        Arbitraries.integers().between(0, 5)).as((n, target) ->
        Transformer.mutate("transfer assigned #" + n + " to target " + target, w -> {
          List<InteractionId> assigned = w.assigned();
          if (assigned.isEmpty()) {
            return;
          }
          InteractionId id = assigned.get(n % assigned.size());
          AgentId by = w.f.oc.interactions().get(id).owner().orElseThrow();
          if (target == 4) {
            w.f.oc.desk(by).transferToQueue(id, RoutingWorld.SUPPORT);
          } else if (target == 5) {
            w.f.oc.desk(by).transferToQueue(id, RoutingFixture.SALES);
          } else {
            int events = w.events();
            try {
              w.f.oc.desk(by).transferToAgent(id, w.agents.get(target));
            } catch (IllegalTransitionException | InvalidInputException refused) {
              assertThat(w.events()).isEqualTo(events); // a refused transfer changes nothing
              assertThat(w.f.oc.interactions().get(id).owner()).contains(by);
            }
          }
        }));
  }

  private static Action.Independent<RoutingWorld> close() {
    return () -> Arbitraries.integers().between(0, 20).map(n ->
        Transformer.mutate("close open #" + n, w -> {
          List<InteractionId> open = w.open();
          if (open.isEmpty()) {
            return;
          }
          InteractionId id = open.get(n % open.size());
          Optional<AgentId> owner = w.f.oc.interactions().get(id).owner();
          if (owner.isPresent()) {
            w.f.oc.desk(owner.get()).close(id);
          } else {
            w.f.oc.close(id);
          }
        }));
  }

}
