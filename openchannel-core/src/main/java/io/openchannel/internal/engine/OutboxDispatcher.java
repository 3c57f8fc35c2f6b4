package io.openchannel.internal.engine;

import io.openchannel.account.Account;
import io.openchannel.event.DeliveryStatusChanged;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Message;
import io.openchannel.spi.channel.ChannelConnector;
import io.openchannel.spi.channel.OutboundMessage;
import io.openchannel.spi.channel.SendResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
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
 * <p>At-least-once: if the engine dies after the platform accepted a message but before its
 * {@code SENT} status was stored, it is sent again on restart (connectors get the message id to
 * pass on as an idempotency key where the platform supports one). Once {@code SENT} is stored,
 * the message is never sent again.
 */
final class OutboxDispatcher {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final Engine engine;
  private final Backoff backoff;
  private final ReceiptService receipts;
  /** Interactions being drained now; a second drain request sets {@link #again}. */
  private final Set<InteractionId> draining = ConcurrentHashMap.newKeySet();
  private final Set<InteractionId> again = ConcurrentHashMap.newKeySet();
  /** Interactions whose head message waits for a scheduled retry. */
  private final Set<InteractionId> backingOff = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<io.openchannel.message.MessageId, Integer> attempts =
      new ConcurrentHashMap<>();
  private volatile boolean stopped;

  OutboxDispatcher(Engine engine, Backoff backoff, ReceiptService receipts) {
    this.engine = engine;
    this.backoff = backoff;
    this.receipts = receipts;
  }

  /** Asks for the interaction's outbox to be drained soon, on the scheduler. */
  void dispatchSoon(InteractionId interaction) {
    if (!stopped && !backingOff.contains(interaction)) {
      engine.config.scheduler().schedule(Duration.ZERO, () -> drain(interaction));
    }
  }

  /** Schedules every interaction that has queued messages (at start, after a crash). */
  void recover() {
    Set<InteractionId> pending = new LinkedHashSet<>();
    engine.transactions.read(tx -> tx.messages().listQueued(Integer.MAX_VALUE))
        .forEach(m -> pending.add(m.interaction()));
    if (!pending.isEmpty()) {
      log.info("resuming delivery of queued messages in {} interactions", pending.size());
    }
    pending.forEach(this::dispatchSoon);
  }

  void stop() {
    stopped = true;
  }

  private void drain(InteractionId interaction) {
    if (!draining.add(interaction)) {
      again.add(interaction);
      return;
    }
    try {
      while (!stopped && !backingOff.contains(interaction)) {
        Optional<Message> head = nextQueued(interaction);
        if (head.isEmpty() || !sendOne(head.get())) {
          break;
        }
      }
    } catch (RuntimeException e) {
      log.error("dispatching interaction {} failed; its messages stay queued", interaction, e);
    } finally {
      draining.remove(interaction);
      if (again.remove(interaction)) {
        dispatchSoon(interaction);
      }
    }
  }

  private Optional<Message> nextQueued(InteractionId interaction) {
    return engine.transactions.read(tx -> tx.messages().listByInteraction(interaction).stream()
        .filter(m -> m.deliveryStatus().equals(Optional.of(DeliveryStatus.QUEUED)))
        .findFirst());
  }

  /** Sends the head message; returns whether the next one may go. */
  private boolean sendOne(Message message) {
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
      return false;
    }
    SendResult result;
    try {
      result = connector.send(delivery.message(), delivery.account());
    } catch (RuntimeException e) {
      result = SendResult.transientFailure("connector failed: " + e, Optional.empty());
    }
    return record(message, result);
  }

  private boolean record(Message message, SendResult result) {
    if (result instanceof SendResult.Sent sent) {
      attempts.remove(message.id());
      update(message, DeliveryStatus.SENT, Optional.empty(), Optional.of(sent.channelMessageId()));
      receipts.applyParked(message.account(), sent.channelMessageId());
      return true;
    }
    SendResult.Failed failed = (SendResult.Failed) result;
    if (failed.kind() != SendResult.FailureKind.TRANSIENT) {
      attempts.remove(message.id());
      update(message, DeliveryStatus.FAILED, Optional.of(failed.reason()), Optional.empty());
      return true; // a refused message does not hold back the next one
    }
    int attempt = attempts.merge(message.id(), 1, Integer::sum);
    if (attempt >= backoff.maxAttempts()) {
      attempts.remove(message.id());
      update(message, DeliveryStatus.FAILED, Optional.of("gave up after " + attempt
          + " attempts: " + failed.reason()), Optional.empty());
      return true;
    }
    Duration wait = backoff.delay(attempt, failed.retryAfter(), ThreadLocalRandom.current().nextDouble());
    backingOff.add(message.interaction());
    engine.config.scheduler().schedule(wait, () -> {
      backingOff.remove(message.interaction());
      drain(message.interaction());
    });
    return false;
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
