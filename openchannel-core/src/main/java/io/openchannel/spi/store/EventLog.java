package io.openchannel.spi.store;

import io.openchannel.event.OpenChannelEvent;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * The events of committed changes, kept in the store so that every engine on it can deliver
 * every other engine's events to its own listeners. The engine appends a transaction's events
 * inside that transaction, so they are logged if and only if the change commits; readers see
 * them in commit order ({@code seq} order), so a reader that saw {@code seq} n has seen every
 * earlier commit too. Optional: a store without one ({@link Store#eventLog()} empty) serves one
 * engine, whose listeners hear only their own engine.
 *
 * <p>Implementations are thread-safe.
 */
public interface EventLog {
  /**
   * Appends {@code events} (in order) inside {@code tx}, the transaction whose change they report.
   *
   * @param origin the node id of the appending engine
   */
  void append(StoreTransaction tx, String origin, List<OpenChannelEvent> events);

  /** Up to {@code limit} events with a {@code seq} above {@code after}, in {@code seq} order. */
  List<LoggedEvent> readAfter(long after, int limit);

  /** The highest {@code seq} logged so far, 0 if none: where a new reader starts. */
  long head();

  /** Where the engine named {@code node} saved that it had read up to, if it ever did. */
  OptionalLong cursor(String node);

  /** Saves that the engine named {@code node} has delivered everything up to {@code seq}. */
  void saveCursor(String node, long seq);

  /**
   * Drops events the store no longer keeps (older than its retention, counted back from
   * {@code now}); returns how many. A reader whose cursor is older misses them.
   */
  int prune(Instant now);

  /**
   * Asks to be woken (on some thread of the log's) when another engine may have appended, where
   * the database can say so (PostgreSQL {@code LISTEN/NOTIFY}); readers poll as well, since a
   * wake-up can be lost. Returns what stops the wake-ups. The default never wakes.
   */
  default AutoCloseable onAppend(Runnable wake) {
    return () -> { };
  }
}
