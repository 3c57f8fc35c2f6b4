package io.openchannel.internal.engine;

import io.openchannel.event.OpenChannelEvent;
import io.openchannel.spi.store.EventLog;
import io.openchannel.spi.store.LoggedEvent;
import io.openchannel.spi.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the events other engines logged to this engine's listeners: each once, in log order
 * (commit order, so in order per interaction), starting where this node's saved cursor says, or
 * at the log's end for a node it has never seen. Woken by the log where the database can say
 * that something was appended, and by a poll in any case.
 *
 * <p>At-least-once across a crash: the cursor is saved after each batch is delivered, so an engine
 * that dies in between delivers that batch again when it restarts under the same node id.
 */
final class ClusterEventFeed {
  private static final Logger log = LoggerFactory.getLogger(ClusterEventFeed.class);
  private static final int BATCH = 500;
  /** Polls between two prunes of the log. */
  private static final int PRUNE_EVERY = 600;

  private final Engine engine;
  private final EventLog eventLog;
  private final String node;
  private final Duration poll;
  private final AtomicBoolean reading = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile boolean stopped;
  private volatile Scheduler.Cancellable nextPoll;
  private AutoCloseable wakeUps = () -> { };
  private long cursor;
  private int polls;

  ClusterEventFeed(Engine engine, EventLog eventLog) {
    this.engine = engine;
    this.eventLog = eventLog;
    this.node = engine.config.cluster().nodeId();
    this.poll = engine.config.cluster().eventPoll();
  }

  void start() {
    cursor = eventLog.cursor(node).orElseGet(eventLog::head);
    wakeUps = eventLog.onAppend(() -> {
      if (!stopped) {
        engine.config.scheduler().schedule(Duration.ZERO, this::read);
      }
    });
    nextPoll = engine.config.scheduler().schedule(poll, this::poll);
  }

  void stop() {
    stopped = true;
    Scheduler.Cancellable p = nextPoll;
    if (p != null) {
      p.cancel();
    }
    try {
      wakeUps.close();
    } catch (Exception e) {
      log.debug("stopping the event log's wake-ups failed", e);
    }
  }

  private void poll() {
    try {
      read();
      if (++polls % PRUNE_EVERY == 0) {
        eventLog.prune(engine.now());
      }
    } catch (RuntimeException e) {
      log.warn("reading other engines' events failed; trying again at the next poll", e);
    } finally {
      if (!stopped) {
        nextPoll = engine.config.scheduler().schedule(poll, this::poll);
      }
    }
  }

  /** Reads and delivers everything new; one reader at a time, a second request reads again. */
  void read() {
    if (!reading.compareAndSet(false, true)) {
      again.set(true);
      return;
    }
    try {
      do {
        again.set(false);
        List<LoggedEvent> batch;
        do {
          batch = eventLog.readAfter(cursor, BATCH);
          List<OpenChannelEvent> foreign = new ArrayList<>();
          for (LoggedEvent e : batch) {
            if (!e.origin().equals(node)) {
              foreign.add(e.event()); // our own were delivered when we committed them
            }
          }
          if (!batch.isEmpty()) {
            engine.transactions.deliverLogged(foreign);
            // After the listeners: what the router decides on them committed later, so they
            // hear it later (in order per interaction).
            engine.routing.heard(foreign);
            cursor = batch.get(batch.size() - 1).seq();
            eventLog.saveCursor(node, cursor);
          }
        } while (batch.size() == BATCH && !stopped);
      } while (again.get() && !stopped);
    } catch (RuntimeException e) {
      log.warn("reading other engines' events failed; trying again at the next poll", e);
    } finally {
      reading.set(false);
    }
  }
}
