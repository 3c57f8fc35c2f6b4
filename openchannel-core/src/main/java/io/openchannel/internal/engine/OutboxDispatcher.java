package io.openchannel.internal.engine;

import io.openchannel.account.Account;
import io.openchannel.cluster.ClusterOptions;
import io.openchannel.event.DeliveryStatusChanged;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import io.openchannel.spi.store.OutboxClaim;
import io.openchannel.spi.store.OutboxClaims;
import io.openchannel.spi.time.Scheduler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands {@code QUEUED} messages to the account's connector, one interaction's messages at a time
 * and in order: a message waiting for a retry holds back the later ones, so a customer never
 * reads answers out of order. The outbox is the store itself, so messages stored before a crash
 * are sent by {@link #recover()} when the engine starts again.
 *
 * <p>Several engines on one store: an interaction's messages are sent only under its claim in
 * {@link OutboxClaims}, renewed before each message, so no two engines send them at once. A
 * transient failure releases the claim with a retry time, kept in the store: the retry is a timer
 * that fires once in the cluster, on this engine's scheduler or, if this engine stopped, on the
 * sweep of another ({@link ClusterOptions#outboxSweep()}).
 *
 * <p>At-least-once: if the engine dies after the platform accepted a message but before its
 * {@code SENT} status was stored, it is sent again on restart or by another engine once the claim
 * lapsed (connectors get the message id to pass on as an idempotency key where the platform
 * supports one). Once {@code SENT} is stored, the message is never sent again.
 */
final class OutboxDispatcher {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  /** Interactions claimed per sweep; a full batch sweeps again at once. */
  private static final int SWEEP_BATCH = 100;

  private final Engine engine;
  private final Backoff backoff;
  private final ReceiptService receipts;
  private final OutboxClaims claims;
  private final ClusterOptions cluster;
  /** Interactions being drained now; a second drain request sets {@link #again}. */
  private final Set<InteractionId> draining = ConcurrentHashMap.newKeySet();
  private final Set<InteractionId> again = ConcurrentHashMap.newKeySet();
  private volatile boolean stopped;
  private volatile Scheduler.Cancellable nextSweep;

  OutboxDispatcher(Engine engine, Backoff backoff, ReceiptService receipts) {
    this.engine = engine;
    this.backoff = backoff;
    this.receipts = receipts;
    this.claims = engine.config.store().outboxClaims();
    this.cluster = engine.config.cluster();
  }

  /** Asks for the interaction's outbox to be drained soon, on the scheduler. */
  void dispatchSoon(InteractionId interaction) {
    if (!stopped) {
      engine.config.scheduler().schedule(Duration.ZERO, () -> drain(interaction));
    }
  }

  /**
   * Schedules every interaction that has queued messages (at start, after a crash), and starts
   * the sweep if the options ask for one.
   */
  void recover() {
    Set<InteractionId> pending = new LinkedHashSet<>();
    engine.transactions.read(tx -> tx.messages().listQueued(Integer.MAX_VALUE))
        .forEach(m -> pending.add(m.interaction()));
    if (!pending.isEmpty()) {
      log.info("resuming delivery of queued messages in {} interactions", pending.size());
    }
    pending.forEach(this::dispatchSoon);
    if (cluster.outboxSweep().isPresent()) {
      nextSweep = engine.config.scheduler().schedule(cluster.outboxSweep().get(), this::sweep);
    } else if (!pending.isEmpty()) {
      // Without a sweep, an outbox an engine died holding would wait for the next message of
      // its interaction: look again once such a claim has surely lapsed.
      engine.config.scheduler().schedule(cluster.outboxLease(),
          () -> pending.forEach(this::dispatchSoon));
    }
  }

  void stop() {
    stopped = true;
    Scheduler.Cancellable sweep = nextSweep;
    if (sweep != null) {
      sweep.cancel();
    }
  }

  /** Claims outboxes nobody is sending (a stopped engine's, due retries) and drains them. */
  private void sweep() {
    if (stopped) {
      return;
    }
    boolean full = false;
    try {
      List<OutboxClaim> claimed = claims.claimDue(SWEEP_BATCH, cluster.nodeId(), engine.now(),
          leaseUntil());
      full = claimed.size() == SWEEP_BATCH;
      claimed.forEach(c -> dispatchSoon(c.interaction()));
    } catch (RuntimeException e) {
      log.warn("outbox sweep failed; trying again at the next one", e);
    } finally {
      if (!stopped) {
        nextSweep = engine.config.scheduler().schedule(
            full ? Duration.ZERO : cluster.outboxSweep().orElseThrow(), this::sweep);
      }
    }
  }

  private Instant leaseUntil() {
    return engine.now().plus(cluster.outboxLease());
  }

  private void drain(InteractionId interaction) {
    if (!draining.add(interaction)) {
      again.add(interaction);
      return;
    }
    boolean held = false;
    try {
      while (!stopped) {
        // Claimed first, renewed before each message: a long queue never outlives one lease.
        Optional<OutboxClaim> claim =
            claims.tryClaim(interaction, cluster.nodeId(), engine.now(), leaseUntil());
        if (claim.isEmpty()) {
          break; // another engine sends these, or a retry is not due yet
        }
        held = true;
        Optional<Message> head = nextQueued(interaction);
        if (head.isEmpty()) {
          held = false;
          claims.release(interaction, cluster.nodeId(), 0, Optional.empty());
          // Another engine may have queued a message while we held the claim and then been
          // refused it: look once more, now that the claim is free.
          if (nextQueued(interaction).isPresent()) {
            again.add(interaction);
          }
          break;
        }
        Step step = sendOne(head.get(), claim.get().attempts());
        if (step instanceof Step.Retry retry) {
          held = false;
          Instant at = engine.now().plus(retry.delay());
          claims.release(interaction, cluster.nodeId(), retry.attempts(), Optional.of(at));
          engine.config.scheduler().schedule(retry.delay(), () -> drain(interaction));
          break;
        }
        if (step instanceof Step.Hold) {
          break;
        }
        if (claim.get().attempts() > 0) {
          // The head moved on: its failures are not the next message's.
          claims.release(interaction, cluster.nodeId(), 0, Optional.empty());
        }
      }
    } catch (RuntimeException e) {
      log.error("dispatching interaction {} failed; its messages stay queued", interaction, e);
    } finally {
      if (held) {
        releaseQuietly(interaction);
      }
      draining.remove(interaction);
      if (again.remove(interaction)) {
        dispatchSoon(interaction);
      }
    }
  }

  private void releaseQuietly(InteractionId interaction) {
    try {
      claims.release(interaction, cluster.nodeId(), 0, Optional.empty());
    } catch (RuntimeException e) {
      log.warn("could not release the outbox claim of {}; it lapses after {}", interaction,
          cluster.outboxLease(), e);
    }
  }

  private Optional<Message> nextQueued(InteractionId interaction) {
    return engine.transactions.read(tx -> tx.messages().listByInteraction(interaction).stream()
        .filter(m -> m.deliveryStatus().equals(Optional.of(DeliveryStatus.QUEUED)))
        .findFirst());
  }

  /** What the drain does after one message. */
  private sealed interface Step {
    /** The message is settled (sent or failed): the next one may go. */
    record Next() implements Step {}

    /** Nothing can send it now (no connector): stop, the message stays queued. */
    record Hold() implements Step {}

    /** A transient failure: try again after {@code delay}, the head having failed {@code attempts} times. */
    record Retry(Duration delay, int attempts) implements Step {}
  }

  /** Sends the head message, which failed {@code attempts} times before. */
  private Step sendOne(Message message, int attempts) {
    Delivery delivery = engine.transactions.read(tx -> {
      Interaction interaction = tx.interactions().find(message.interaction()).orElseThrow();
      Conversation conversation = tx.conversations().find(interaction.conversation()).orElseThrow();
      Account account = tx.accounts().find(message.account()).orElseThrow();
      return new Delivery(account, new OutboundMessage(message.id(), message.interaction(),
          message.account(), conversation.key(), tx.contacts().find(interaction.contact()).orElseThrow(),
          message.kind(), message.text(), message.attachment(),
          message.attachment().map(a -> bytesOf(a.id())), message.autoReply(), message.template(),
          message.sendTerms()));
    });
    ChannelConnector connector = engine.config.connectors().get(delivery.account().type());
    if (connector == null) {
      // The host delivers this channel itself (for example from MessageAdded events).
      log.debug("no connector for {}; message {} stays queued", delivery.account().type(), message.id());
      return new Step.Hold();
    }
    SendResult result;
    try {
      result = connector.send(delivery.message(), delivery.account());
    } catch (RuntimeException e) {
      result = SendResult.transientFailure("connector failed: " + e, Optional.empty());
    }
    return record(message, result, attempts);
  }

  private Step record(Message message, SendResult result, int attempts) {
    if (result instanceof SendResult.Sent sent) {
      update(message, DeliveryStatus.SENT, Optional.empty(), Optional.of(sent.channelMessageId()));
      receipts.applyParked(message.account(), sent.channelMessageId());
      return new Step.Next();
    }
    SendResult.Failed failed = (SendResult.Failed) result;
    if (failed.kind() != SendResult.FailureKind.TRANSIENT) {
      update(message, DeliveryStatus.FAILED, Optional.of(failed.reason()), Optional.empty());
      return new Step.Next(); // a refused message does not hold back the next one
    }
    int attempt = attempts + 1;
    if (attempt >= backoff.maxAttempts()) {
      update(message, DeliveryStatus.FAILED, Optional.of("gave up after " + attempt
          + " attempts: " + failed.reason()), Optional.empty());
      return new Step.Next();
    }
    return new Step.Retry(
        backoff.delay(attempt, failed.retryAfter(), ThreadLocalRandom.current().nextDouble()),
        attempt);
  }

  private void update(Message message, DeliveryStatus status, Optional<String> reason,
      Optional<String> channelMessageId) {
    engine.transactions.write(engine.lockKey(message.interaction()), work -> {
      Message current = work.tx().messages().find(message.id()).orElseThrow();
      if (!current.deliveryStatus().equals(Optional.of(DeliveryStatus.QUEUED))) {
        return current; // someone else moved it on meanwhile
      }
      Message next = work.tx().messages().update(current.withDelivery(status, reason, channelMessageId));
      work.publish(new DeliveryStatusChanged(engine.now(), message.interaction(), message.id(), status,
          next.failureReason()));
      return next;
    });
  }

  private Supplier<InputStream> bytesOf(io.openchannel.message.AttachmentId id) {
    return () -> {
      try {
        return engine.config.blobStore().open(id);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private record Delivery(Account account, OutboundMessage message) {}
}
