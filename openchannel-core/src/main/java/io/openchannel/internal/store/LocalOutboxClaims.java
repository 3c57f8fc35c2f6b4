package io.openchannel.internal.store;

import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Message;
import io.openchannel.spi.store.OutboxClaim;
import io.openchannel.spi.store.OutboxClaims;
import io.openchannel.spi.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link OutboxClaims} in this JVM's memory: exact for every engine that shares the one instance
 * (the in-memory store hands out one), and the default of stores that keep none themselves,
 * where it is right only while one engine uses the store.
 */
public final class LocalOutboxClaims implements OutboxClaims {
  private final Store store;
  private final Map<InteractionId, Row> rows = new HashMap<>();

  /** Claims over the outbox of {@code store}. */
  public LocalOutboxClaims(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  private record Row(String owner, Instant leaseUntil, int attempts, Optional<Instant> retryAt) {}

  @Override
  public synchronized Optional<OutboxClaim> tryClaim(InteractionId interaction, String owner,
      Instant now, Instant leaseUntil) {
    Objects.requireNonNull(interaction, "interaction");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
    Row row = rows.get(interaction);
    if (row != null && !free(row, owner, now)) {
      return Optional.empty();
    }
    int attempts = row == null ? 0 : row.attempts();
    rows.put(interaction, new Row(owner, leaseUntil, attempts, Optional.empty()));
    return Optional.of(new OutboxClaim(interaction, owner, leaseUntil, attempts));
  }

  /** Free for {@code owner}: lapsed (a retry time is kept as the lease), or its own live claim. */
  private static boolean free(Row row, String owner, Instant now) {
    return lapsed(row, now) || row.retryAt().isEmpty() && row.owner().equals(owner);
  }

  private static boolean lapsed(Row row, Instant now) {
    return !row.leaseUntil().isAfter(now);
  }

  @Override
  public List<OutboxClaim> claimDue(int limit, String owner, Instant now, Instant leaseUntil) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    // Read outside the lock: the store's own lock must never be taken while holding ours.
    Set<InteractionId> queued = new LinkedHashSet<>();
    store.read(tx -> tx.messages().listQueued(Integer.MAX_VALUE))
        .forEach((Message m) -> queued.add(m.interaction()));
    List<OutboxClaim> claimed = new ArrayList<>();
    synchronized (this) {
      for (InteractionId interaction : queued) {
        if (claimed.size() == limit) {
          break;
        }
        Row row = rows.get(interaction);
        // A sweep leaves live claims alone, its own too: those are being worked on.
        if (row == null || lapsed(row, now)) {
          tryClaim(interaction, owner, now, leaseUntil).ifPresent(claimed::add);
        }
      }
    }
    return claimed;
  }

  @Override
  public synchronized void release(InteractionId interaction, String owner, int attempts,
      Optional<Instant> retryAt) {
    Objects.requireNonNull(retryAt, "retryAt");
    Row row = rows.get(interaction);
    if (row == null || !row.owner().equals(owner) || row.retryAt().isPresent()) {
      return;
    }
    if (retryAt.isEmpty()) {
      rows.remove(interaction);
    } else {
      rows.put(interaction, new Row(owner, retryAt.get(), attempts, retryAt));
    }
  }
}
