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
  private final ConcurrentLinkedQueue<OpenChannelEvent> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  EventPublisher(List<EventListener> listeners) {
    this.listeners = listeners;
  }

  void enqueue(List<OpenChannelEvent> events) {
    if (!listeners.isEmpty()) {
      queue.addAll(events);
    }
  }

  /** Delivers what is queued, unless another thread is already doing so. */
  void drain() {
    while (!queue.isEmpty() && draining.compareAndSet(false, true)) {
      try {
        OpenChannelEvent event;
        while ((event = queue.poll()) != null) {
          deliver(event);
        }
      } finally {
        draining.set(false);
      }
      // An event enqueued after our last poll but before we cleared the flag is picked up by
      // the loop condition, so nothing is left behind.
    }
  }

  private void deliver(OpenChannelEvent event) {
    for (EventListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        log.warn("event listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
      }
    }
  }
}
