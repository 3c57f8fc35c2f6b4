package io.openchannel.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.interaction.InteractionId;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Offer;
import io.openchannel.routing.OfferId;
import io.openchannel.routing.OfferState;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.RescindReason;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** {@link EndedOffers} answers like a LinkedHashMap that forgets its eldest entry past capacity. */
class EndedOffersTest {
  @Property(tries = 200)
  void answersLikeABoundedLinkedHashMap(@ForAll @IntRange(min = 1, max = 3000) int capacity,
      @ForAll @Size(max = 5000) List<@IntRange(min = 0, max = 9) Integer> kinds) {
    EndedOffers ended = new EndedOffers(capacity);
    Map<OfferId, Offer> model = new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<OfferId, Offer> eldest) {
        return size() > capacity;
      }
    };
    int n = 0;
    for (int kind : kinds) {
      Offer offer = endedOffer(n++, kind);
      ended.put(offer);
      model.put(offer.id(), offer);
      OfferId probe = idOf(n - 1 - kind * 37 % Math.max(1, n));
      assertThat(ended.get(probe)).isEqualTo(model.get(probe));
    }
    assertThat(ended.size()).isEqualTo(model.size());
    for (int k = 0; k < n; k++) {
      OfferId id = idOf(k);
      assertThat(ended.get(id)).isEqualTo(model.get(id));
    }
  }

  @Property(tries = 50)
  void clearForgetsEverythingAndTheRingWorksAgainAfterwards(
      @ForAll @IntRange(min = 1, max = 2000) int capacity,
      @ForAll @IntRange(min = 0, max = 3000) int before,
      @ForAll @IntRange(min = 0, max = 3000) int after) {
    EndedOffers ended = new EndedOffers(capacity);
    for (int n = 0; n < before; n++) {
      ended.put(endedOffer(n, n % 10));
    }
    ended.clear();
    assertThat(ended.size()).isZero();
    for (int n = 0; n < before; n++) {
      assertThat(ended.get(idOf(n))).isNull();
    }
    for (int n = before; n < before + after; n++) {
      ended.put(endedOffer(n, n % 10));
    }
    assertThat(ended.size()).isEqualTo(Math.min(after, capacity));
    for (int n = before + Math.max(0, after - capacity); n < before + after; n++) {
      assertThat(ended.get(idOf(n))).isEqualTo(endedOffer(n, n % 10));
    }
  }

  /** Mostly short ids (kept as characters), some too long or beyond Latin-1 (kept whole). */
  private static OfferId idOf(int n) {
    if (n % 7 == 3) {
      return OfferId.of("a-long-offer-id-of-more-than-thirty-two-characters-" + n);
    }
    if (n % 11 == 5) {
      return OfferId.of("\u03c9" + n);
    }
    return OfferId.of((n % 2 == 0 ? "o" : "\u00e9") + n);
  }

  private static Offer endedOffer(int n, int kind) {
    Instant created = Instant.ofEpochSecond(1_700_000_000L + n, n * 7 % 1_000_000_000);
    Offer pending = Offer.pending(idOf(n), InteractionId.of("i" + n / 3),
        AgentId.of("a" + kind), QueueId.of("q" + kind % 3), created, created.plusSeconds(30));
    OfferState state = OfferState.values()[1 + kind % (OfferState.values().length - 1)];
    Optional<RescindReason> reason = state == OfferState.RESCINDED
        ? Optional.of(RescindReason.values()[kind % RescindReason.values().length])
        : Optional.empty();
    return pending.ended(state, created.plusMillis(kind * 1001L), reason);
  }
}
