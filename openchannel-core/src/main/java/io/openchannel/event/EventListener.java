package io.openchannel.event;

/**
 * Receives events after they are committed: a host's UI feed, its audit log, its sound alert
 * (S8). Events of one interaction arrive in commit order; listeners are called one event at a
 * time, from the thread that committed or from another engine caller's thread, so they must be
 * quick and must not block. An exception thrown by a listener is logged and does not affect the
 * engine or the other listeners.
 */
@FunctionalInterface
public interface EventListener {
  /** Told one committed event. */
  void onEvent(OpenChannelEvent event);
}
