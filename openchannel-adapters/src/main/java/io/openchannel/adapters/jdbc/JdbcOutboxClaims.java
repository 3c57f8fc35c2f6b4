package io.openchannel.adapters.jdbc;

import io.openchannel.ConcurrentUpdateException;
import io.openchannel.interaction.InteractionId;
import io.openchannel.spi.store.OutboxClaim;
import io.openchannel.spi.store.OutboxClaims;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outbox claims in {@code oc_outbox_claim}. Taking a claim is a compare-and-set: an
 * {@code UPDATE} whose {@code WHERE} says "free" (lease lapsed, or the owner's own live claim),
 * or an insert when no row exists, which the primary key lets only one engine win. Both lock the
 * row until commit and PostgreSQL and MariaDB re-check the {@code WHERE} on the row's latest
 * version, so of two engines racing, exactly one sees its update count 1 (H2 reports the loser
 * a concurrent update, read as "taken").
 *
 * <p>The sweep on PostgreSQL and MariaDB takes lapsed claims (a stopped engine's, retries that
 * are due) with {@code SELECT ... FOR UPDATE SKIP LOCKED} and updates them in the same
 * transaction, so engines sweeping together pass over each other's rows instead of queueing on
 * them; then it inserts claims for queued interactions that have none. H2 runs the same
 * compare-and-set per candidate instead.
 */
final class JdbcOutboxClaims implements OutboxClaims {
  private static final String SELECT_ATTEMPTS =
      "SELECT attempts FROM oc_outbox_claim WHERE interaction_id = ?";
  /** Free for the asker: lapsed, or its own live claim (a retry holds back its owner too). */
  private static final String TAKE = "UPDATE oc_outbox_claim SET owner = ?, lease_until = ?, "
      + "retry = FALSE WHERE interaction_id = ? AND (lease_until <= ? OR (owner = ? AND retry = FALSE))";
  /** The sweep takes lapsed claims only. */
  private static final String TAKE_LAPSED = "UPDATE oc_outbox_claim SET owner = ?, "
      + "lease_until = ?, retry = FALSE WHERE interaction_id = ? AND lease_until <= ?";
  /** Interactions with queued messages whose claims lapsed or do not exist, oldest first. */
  private static final String DUE = "SELECT m.interaction_id, MIN(m.queue_seq) AS first_seq "
      + "FROM oc_message m LEFT JOIN oc_outbox_claim c ON c.interaction_id = m.interaction_id "
      + "WHERE m.queue_seq IS NOT NULL AND (c.interaction_id IS NULL OR c.lease_until <= ?) "
      + "GROUP BY m.interaction_id ORDER BY first_seq LIMIT ?";

  /** Lapsed claims of interactions with queued messages, locked, skipping rows others hold. */
  private static final String LAPSED_SKIP_LOCKED = "SELECT c.interaction_id FROM oc_outbox_claim c "
      + "WHERE c.lease_until <= ? AND EXISTS (SELECT 1 FROM oc_message m WHERE m.interaction_id = "
      + "c.interaction_id AND m.queue_seq IS NOT NULL) ORDER BY (SELECT MIN(q.queue_seq) FROM "
      + "oc_message q WHERE q.interaction_id = c.interaction_id) LIMIT ? FOR UPDATE SKIP LOCKED";
  /** Interactions with queued messages and no claim row, oldest first. */
  private static final String UNCLAIMED = "SELECT m.interaction_id, MIN(m.queue_seq) AS first_seq "
      + "FROM oc_message m WHERE m.queue_seq IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
      + "oc_outbox_claim c WHERE c.interaction_id = m.interaction_id) "
      + "GROUP BY m.interaction_id ORDER BY first_seq LIMIT ?";

  private final JdbcStore store;
  private final Dialect dialect;
  private final String insert;

  JdbcOutboxClaims(JdbcStore store, Dialect dialect) {
    this.store = store;
    this.dialect = dialect;
    String columns = "oc_outbox_claim (interaction_id, owner, lease_until, attempts, retry)";
    this.insert = switch (dialect) {
      case POSTGRESQL -> "INSERT INTO " + columns + " VALUES (?, ?, ?, 0, FALSE) "
          + "ON CONFLICT (interaction_id) DO NOTHING";
      case MARIADB -> "INSERT IGNORE INTO " + columns + " VALUES (?, ?, ?, 0, FALSE)";
      // H2 has neither: a second inserter gets a duplicate key, which claim() reads as "taken".
      case H2 -> "INSERT INTO " + columns + " VALUES (?, ?, ?, 0, FALSE)";
    };
  }

  @Override
  public Optional<OutboxClaim> tryClaim(InteractionId interaction, String owner, Instant now,
      Instant leaseUntil) {
    Objects.requireNonNull(interaction, "interaction");
    Objects.requireNonNull(owner, "owner");
    return claim(interaction, owner, now, leaseUntil, TAKE, true);
  }

  private Optional<OutboxClaim> claim(InteractionId interaction, String owner, Instant now,
      Instant leaseUntil, String take, boolean ownerRenews) {
    long until = Sql.nanos(leaseUntil);
    try {
      return store.inTransaction(t -> {
        JdbcTransaction tx = (JdbcTransaction) t;
        int updated = ownerRenews
            ? tx.execute("claiming an outbox", take, owner, until, interaction.value(),
                Sql.nanos(now), owner)
            : tx.execute("claiming an outbox", take, owner, until, interaction.value(),
                Sql.nanos(now));
        if (updated == 1) {
          int attempts = tx.queryOne("reading an outbox claim", SELECT_ATTEMPTS,
              rs -> rs.getInt(1), interaction.value()).orElseThrow();
          return Optional.of(new OutboxClaim(interaction, owner, leaseUntil, attempts));
        }
        int inserted = tx.execute("claiming an outbox", insert, interaction.value(), owner, until);
        return inserted == 1
            ? Optional.of(new OutboxClaim(interaction, owner, leaseUntil, 0))
            : Optional.<OutboxClaim>empty();
      });
    } catch (ConcurrentUpdateException e) {
      return Optional.empty(); // another engine inserted the row first (H2), or won a deadlock
    }
  }

  @Override
  public List<OutboxClaim> claimDue(int limit, String owner, Instant now, Instant leaseUntil) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive, got " + limit);
    }
    if (dialect != Dialect.H2) {
      return claimDueSkipLocked(limit, owner, now, leaseUntil);
    }
    List<String> due = store.read(t -> ((JdbcTransaction) t).query("finding due outboxes", DUE,
        rs -> rs.getString(1), Sql.nanos(now), limit));
    List<OutboxClaim> claimed = new ArrayList<>();
    for (String id : due) {
      claim(InteractionId.of(id), owner, now, leaseUntil, TAKE_LAPSED, false)
          .ifPresent(claimed::add);
    }
    return claimed;
  }

  private List<OutboxClaim> claimDueSkipLocked(int limit, String owner, Instant now,
      Instant leaseUntil) {
    long until = Sql.nanos(leaseUntil);
    List<OutboxClaim> claimed = new ArrayList<>(store.inTransaction(t -> {
      JdbcTransaction tx = (JdbcTransaction) t;
      List<String> lapsed = tx.query("finding lapsed outbox claims", LAPSED_SKIP_LOCKED,
          rs -> rs.getString(1), Sql.nanos(now), limit);
      List<OutboxClaim> taken = new ArrayList<>();
      for (String id : lapsed) {
        // Locked by us since the SELECT: the update cannot miss.
        int attempts = tx.queryOne("reading an outbox claim", SELECT_ATTEMPTS,
            rs -> rs.getInt(1), id).orElseThrow();
        tx.execute("claiming an outbox", "UPDATE oc_outbox_claim SET owner = ?, lease_until = ?, "
            + "retry = FALSE WHERE interaction_id = ?", owner, until, id);
        taken.add(new OutboxClaim(InteractionId.of(id), owner, leaseUntil, attempts));
      }
      return taken;
    }));
    if (claimed.size() < limit) {
      List<String> fresh = store.read(t -> ((JdbcTransaction) t).query("finding unclaimed outboxes",
          UNCLAIMED, rs -> rs.getString(1), limit - claimed.size()));
      for (String id : fresh) {
        claim(InteractionId.of(id), owner, now, leaseUntil, TAKE_LAPSED, false)
            .ifPresent(claimed::add);
      }
    }
    return claimed;
  }

  @Override
  public void release(InteractionId interaction, String owner, int attempts,
      Optional<Instant> retryAt) {
    Objects.requireNonNull(retryAt, "retryAt");
    store.inTransaction(t -> {
      JdbcTransaction tx = (JdbcTransaction) t;
      if (retryAt.isEmpty()) {
        return tx.execute("releasing an outbox claim", "DELETE FROM oc_outbox_claim "
            + "WHERE interaction_id = ? AND owner = ? AND retry = FALSE", interaction.value(), owner);
      }
      return tx.execute("releasing an outbox claim", "UPDATE oc_outbox_claim SET attempts = ?, "
          + "lease_until = ?, retry = TRUE WHERE interaction_id = ? AND owner = ? AND retry = FALSE",
          attempts, Sql.nanos(retryAt.get()), interaction.value(), owner);
    });
  }
}
