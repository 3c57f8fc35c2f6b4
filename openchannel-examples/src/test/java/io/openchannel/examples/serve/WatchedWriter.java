package io.openchannel.examples.serve;

import java.io.Writer;
import java.time.Duration;

/**
 * A writer that remembers what was written and lets a test wait, with a deadline, until some text
 * appears: the server prints from its own threads, and a wait on a condition beats a sleep.
 */
final class WatchedWriter extends Writer {
  private final StringBuilder text = new StringBuilder();

  @Override
  public synchronized void write(char[] chars, int offset, int length) {
    text.append(chars, offset, length);
    notifyAll();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /** Everything written so far. */
  synchronized String text() {
    return text.toString();
  }

  /**
   * Waits until {@code expected} has been written, at most {@code timeout}.
   *
   * @return whether it was
   */
  synchronized boolean await(String expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (text.indexOf(expected) < 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
