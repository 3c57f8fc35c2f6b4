package io.openchannel.examples.serve;

import io.openchannel.event.EventListener;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.examples.demo.EventEcho;
import io.openchannel.examples.demo.Narrator;
import io.openchannel.interaction.Dispositions;

/**
 * Everything {@code serve} prints, one line at a time. Events, requests and the fakes' calls come
 * from the HTTP server's threads and the engine's sender threads at once, so every print holds
 * one lock and flushes: lines never interleave and appear as they happen.
 */
final class Console implements EventListener {
  private final Narrator say;
  private final EventEcho echo;

  Console(Narrator say) {
    this.say = say;
    this.echo = new EventEcho(say, Dispositions.none());
  }

  /** Prints one engine event as the demo does, on a line marked ▸. */
  @Override
  public synchronized void onEvent(OpenChannelEvent event) {
    echo.onEvent(event);
    say.flush();
  }

  /** A labelled line, such as an incoming request or what a fake platform was sent. */
  synchronized void line(String label, String text) {
    say.field(label, text);
    say.flush();
  }

  /** A refused request or a failed action: the reason, in yellow. */
  synchronized void refused(String what, String reason) {
    say.refused(what, reason);
    say.flush();
  }

  /** Lets {@code block} print several lines without other lines in between. */
  synchronized void block(java.util.function.Consumer<Narrator> block) {
    block.accept(say);
    say.flush();
  }
}
