package io.openchannel.examples.serve;

import io.openchannel.OpenChannel;
import io.openchannel.OpenChannelException;
import io.openchannel.event.EventListener;
import io.openchannel.event.OfferCreated;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.interaction.Interaction;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code --auto-accept}: plays the agents, accepting each offer right after it is printed and,
 * with {@code --reply}, answering the customer, so that the whole flow shows up to the outbound
 * message reaching a fake. A listener must not call back into the engine, so the agents act on
 * a thread of their own.
 */
final class Desk implements EventListener, AutoCloseable {
  private final Console console;
  private final Optional<String> reply;
  private final ExecutorService agents = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "serve-agents");
    t.setDaemon(true);
    return t;
  });
  private volatile OpenChannel oc;

  Desk(Console console, Optional<String> reply) {
    this.console = console;
    this.reply = reply;
  }

  /** The engine to act on; set once it is built, before any request arrives. */
  void attach(OpenChannel engine) {
    this.oc = engine;
  }

  @Override
  public void onEvent(OpenChannelEvent event) {
    if (event instanceof OfferCreated offer) {
      agents.execute(() -> accept(offer));
    }
  }

  private void accept(OfferCreated offer) {
    try {
      Interaction interaction = oc.desk(offer.agent()).accept(offer.offer());
      reply.ifPresent(text -> oc.desk(offer.agent()).sendText(interaction.id(), text));
    } catch (OpenChannelException e) {
      // Someone else took it, or the channel refused the reply: show it and carry on.
      console.refused(e.getClass().getSimpleName(), e.getMessage());
    }
  }

  @Override
  public void close() throws InterruptedException {
    agents.shutdown();
    agents.awaitTermination(5, TimeUnit.SECONDS);
  }
}
