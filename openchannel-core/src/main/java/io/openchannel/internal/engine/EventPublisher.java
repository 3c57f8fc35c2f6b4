package io.openchannel.internal.engine;

import io.openchannel.event.EventListener;
import io.openchannel.event.OpenChannelEvent;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers committed events to listeners one at a time, in the order they were enqueued. The
 * engine enqueues while it still holds the conversation's lock, so events of one interaction
 * are enqueued, and therefore delivered, in commit order. Whoever finds the queue idle drains it;
 * others return at once, so a slow listener never blocks a second writer on the lock.
 */
final class EventPublisher {
  private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

  private final List<EventListener> listeners;
  /**
   * Whole batches (one step's events, never changed after they are enqueued): a queue node per
   * step rather than per event, of which a routing cycle has about ten.
   */
  private final ConcurrentLinkedQueue<List<OpenChannelEvent>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  EventPublisher(List<EventListener> listeners) {
    this.listeners = listeners;
  }

  /** Queues the events for delivery, in order; the caller must not change the list afterwards. */
  void enqueue(List<OpenChannelEvent> events) {
    if (!listeners.isEmpty() && !events.isEmpty()) {
      queue.add(events);
    }
  }

  /** Delivers what is queued, unless another thread is already doing so. */
  void drain() {
    while (!queue.isEmpty() && draining.compareAndSet(false, true)) {
      try {
        List<OpenChannelEvent> batch;
        while ((batch = queue.poll()) != null) {
          for (int i = 0; i < batch.size(); i++) {
            deliver(batch.get(i));
          }
        }
      } finally {
        draining.set(false);
      }
      // An event enqueued after our last poll but before we cleared the flag is picked up by
      // the loop condition, so nothing is left behind.
    }
  }

  private void deliver(OpenChannelEvent event) {
    for (int i = 0; i < listeners.size(); i++) {
      EventListener listener = listeners.get(i);
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        log.warn("event listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
      }
    }
  }
}
