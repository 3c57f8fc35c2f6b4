package io.openchannel.examples.demo;

import io.openchannel.event.ContactCreated;
import io.openchannel.event.DeliveryStatusChanged;
import io.openchannel.event.EventListener;
import io.openchannel.event.InteractionAssigned;
import io.openchannel.event.InteractionClosed;
import io.openchannel.event.InteractionOpened;
import io.openchannel.event.MessageAdded;
import io.openchannel.event.OpenChannelEvent;
import io.openchannel.event.ReadStateChanged;
import io.openchannel.event.TagsChanged;
import io.openchannel.examples.terminal.Columns;
import io.openchannel.interaction.Dispositions;
import io.openchannel.interaction.Tag;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.routing.AgentId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The demo's {@link EventListener}: prints each event as it happens, as a host would push it to
 * its agents' screens, and counts them by type. It only formats what the event carries; a
 * listener must be quick and should not call back into the engine.
 */
final class EventEcho implements EventListener {
  private final Narrator narrator;
  private final Dispositions dispositions;
  private final Map<String, Integer> counts = new TreeMap<>();
  /** Every message added so far, to say which one a delivery status is about. */
  private final Map<MessageId, Message> messages = new HashMap<>();

  EventEcho(Narrator narrator, Dispositions dispositions) {
    this.narrator = narrator;
    this.dispositions = dispositions;
  }

  @Override
  public void onEvent(OpenChannelEvent event) {
    String type = event.getClass().getSimpleName();
    counts.merge(type, 1, Integer::sum);
    narrator.event(type, describe(event));
    if (event instanceof DeliveryStatusChanged e && e.reason().isPresent()) {
      narrator.detail("reason", e.reason().get()); // what the agent reads next to the ✗
    }
  }

  /** How many events of each type were seen, by type name. */
  Map<String, Integer> counts() {
    return Map.copyOf(counts);
  }

  // OpenChannelEvent is sealed: these branches cover every event there is.
  private String describe(OpenChannelEvent event) {
    if (event instanceof ContactCreated e) {
      return e.displayName() + ", a new contact, first seen on " + e.account();
    }
    if (event instanceof InteractionOpened e) {
      return e.contactName() + " on " + e.account() + ", opened by the "
          + (e.origin() == Direction.IN ? "customer" : "agent") + ", "
          + e.unmanagedCount() + " unmanaged";
    }
    if (event instanceof MessageAdded e) {
      messages.put(e.message().id(), e.message());
      return MessageLine.summary(e.message(), Narrator.EVENT_DETAILS);
    }
    if (event instanceof DeliveryStatusChanged e) {
      String status = Columns.pad(MessageLine.checkmarks(e.status()), 13);
      Message m = messages.get(e.message());
      String which = m == null ? e.message().value()
          : MessageLine.brief(m, Narrator.EVENT_DETAILS - Columns.width(status));
      return status + which;
    }
    if (event instanceof InteractionAssigned e) {
      return "to " + e.agent() + (e.firstTimeManaged() ? ", the first agent to manage it" : "");
    }
    if (event instanceof ReadStateChanged e) {
      return (e.read() ? "read" : "unread") + ", "
          + e.by().map(AgentId::value).map(a -> "marked by " + a).orElse("by the customer's message");
    }
    if (event instanceof TagsChanged e) {
      return "tags now " + e.tags().stream().map(Tag::name).collect(Collectors.joining(", "))
          + ", by " + e.by();
    }
    if (event instanceof InteractionClosed e) {
      return "by " + e.by().map(AgentId::value).orElse("the host")
          + e.disposition().map(d -> ", disposed as " + dispositions.path(d)).orElse("");
    }
    return event.toString();
  }
}
