package io.openchannel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void idsFromAStandingClockAreUniqueAndSorted() {
    Ids ids = new Ids(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      made.add(ids.next());
    }

    assertThat(new HashSet<>(made)).hasSize(made.size());
    assertThat(made).isSorted();
    assertThat(made.get(0)).hasSize(26);
  }

  @Test
  void laterTimeSortsLaterEvenAcrossGenerators() {
    String early = new Ids(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).next();
    String late = new Ids(Clock.fixed(Instant.parse("2026-01-01T00:00:00.001Z"), ZoneOffset.UTC)).next();

    assertThat(late).isGreaterThan(early);
  }
}
