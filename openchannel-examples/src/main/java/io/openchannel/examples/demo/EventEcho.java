package io.openchannel.examples.demo;

import io.openchannel.event.AgentPresenceChanged;
import io.openchannel.event.ContactCreated;
import io.openchannel.event.DeliveryStatusChanged;
import io.openchannel.event.EventListener;
import io.openchannel.event.InteractionAssigned;
import io.openchannel.event.InteractionClosed;
import io.openchannel.event.InteractionOpened;
import io.openchannel.event.InteractionQueued;
import io.openchannel.event.InteractionTransferred;
import io.openchannel.event.MessageAdded;
import io.openchannel.event.OfferAccepted;
import io.openchannel.event.OfferCreated;
import io.openchannel.event.OfferRejected;
import io.openchannel.event.OfferRescinded;
import io.openchannel.event.OfferTimedOut;
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
import io.openchannel.routing.QueueId;
import io.openchannel.routing.RescindReason;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The demo's {@link EventListener}: prints each event as it happens, as a host would push it to
 * its agents' screens, and counts them by type. It only formats what the event carries; a
 * listener must be quick and should not call back into the engine.
 */
public final class EventEcho implements EventListener {
  private static final DateTimeFormatter TIME_OF_DAY =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Narrator narrator;
  private final Dispositions dispositions;
  private final Map<String, Integer> counts = new TreeMap<>();
  /** Every message added so far, to say which one a delivery status is about. */
  private final Map<MessageId, Message> messages = new HashMap<>();

  /** Prints through {@code narrator}, naming dispositions from {@code dispositions}. */
  public EventEcho(Narrator narrator, Dispositions dispositions) {
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

  /** How many events were seen in all. */
  int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
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
    return describeRouting(event);
  }

  private String describeRouting(OpenChannelEvent event) {
    if (event instanceof InteractionQueued e) {
      return "in queue " + e.queue() + ", " + cause(e.cause(), e.from());
    }
    if (event instanceof OfferCreated e) {
      // What a desktop shows, and rings for, without another call (S8). The preview goes last,
      // shortened to what the line leaves.
      String head = "ring " + e.agent() + " until " + expiry(e.at(), e.expiresAt()) + " for "
          + e.contactName() + " on " + e.channel().displayName()
          + e.transferredBy().map(a -> ", transferred by " + a).orElse("") + ": ";
      return head + Narrator.quote(e.preview(), Narrator.EVENT_DETAILS - Columns.width(head));
    }
    if (event instanceof OfferRejected e) {
      return "by " + e.agent();
    }
    if (event instanceof OfferTimedOut e) {
      return e.agent() + " did not answer in time";
    }
    if (event instanceof OfferAccepted e) {
      return "by " + e.agent();
    }
    if (event instanceof OfferRescinded e) {
      return "to " + e.agent() + ", " + e.reason() + ": " + rescinded(e.reason());
    }
    if (event instanceof InteractionTransferred e) {
      return "by " + e.by() + " to " + e.toQueue().map(q -> "queue " + q)
          .orElseGet(() -> "agent " + e.toAgent().map(AgentId::value).orElse("?"));
    }
    if (event instanceof AgentPresenceChanged e) {
      return e.agent() + " " + e.previous() + " → " + e.presence()
          + (e.automatic() ? ", by the engine" : "");
    }
    return event.toString();
  }

  private static String cause(InteractionQueued.Cause cause, Optional<QueueId> from) {
    String source = from.map(q -> " from queue " + q).orElse("");
    return switch (cause) {
      case NEW -> "a new interaction";
      case TRANSFER -> "transferred by its agent" + source;
      case OVERFLOW -> "overflowed" + source;
      case AGENT_OFFLINE -> "its agent went offline";
      case TRANSFER_RETURNED -> "back" + source + ": the agent it was transferred to did not take it";
      case UNANSWERED -> "its agent did not answer the customer in time";
    };
  }

  /** What an agent's desktop says when the engine withdraws their offer. */
  private static String rescinded(RescindReason reason) {
    return switch (reason) {
      case TAKEN_BY_OTHER_AGENT -> "told it was taken by another agent";
      case INTERACTION_CLOSED -> "the interaction was closed";
      case TRANSFERRED -> "the interaction was transferred";
      case AGENT_UNAVAILABLE -> "the agent is no longer available";
    };
  }

  /** When an offer expires: the time of day, with the day only if it is not the offer's day. */
  private static String expiry(Instant at, Instant expiresAt) {
    boolean sameDay = at.atZone(ZoneOffset.UTC).toLocalDate()
        .equals(expiresAt.atZone(ZoneOffset.UTC).toLocalDate());
    return sameDay ? TIME_OF_DAY.format(expiresAt) : Narrator.time(expiresAt);
  }
}
