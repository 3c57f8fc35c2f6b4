package io.openchannel.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.openchannel.interaction.InteractionId;
import java.time.Instant;
import java.util.Optional;

/**
 * Something that happened, told to {@link EventListener}s after it was committed, in commit
 * order for each interaction. Every event is an immutable record with a JSON form
 * ({@link EventJson}) whose {@code type} property names the record.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ContactCreated.class, name = "ContactCreated"),
  @JsonSubTypes.Type(value = InteractionOpened.class, name = "InteractionOpened"),
  @JsonSubTypes.Type(value = MessageAdded.class, name = "MessageAdded"),
  @JsonSubTypes.Type(value = InteractionAssigned.class, name = "InteractionAssigned"),
  @JsonSubTypes.Type(value = ReadStateChanged.class, name = "ReadStateChanged"),
  @JsonSubTypes.Type(value = TagsChanged.class, name = "TagsChanged"),
  @JsonSubTypes.Type(value = InteractionClosed.class, name = "InteractionClosed"),
  @JsonSubTypes.Type(value = DeliveryStatusChanged.class, name = "DeliveryStatusChanged"),
  @JsonSubTypes.Type(value = InteractionQueued.class, name = "InteractionQueued"),
  @JsonSubTypes.Type(value = OfferCreated.class, name = "OfferCreated"),
  @JsonSubTypes.Type(value = OfferAccepted.class, name = "OfferAccepted"),
  @JsonSubTypes.Type(value = OfferRejected.class, name = "OfferRejected"),
  @JsonSubTypes.Type(value = OfferTimedOut.class, name = "OfferTimedOut"),
  @JsonSubTypes.Type(value = OfferRescinded.class, name = "OfferRescinded"),
  @JsonSubTypes.Type(value = InteractionTransferred.class, name = "InteractionTransferred"),
  @JsonSubTypes.Type(value = AgentPresenceChanged.class, name = "AgentPresenceChanged")
})
public sealed interface OpenChannelEvent
    permits ContactCreated, InteractionOpened, MessageAdded, InteractionAssigned,
        ReadStateChanged, TagsChanged, InteractionClosed, InteractionQueued, OfferCreated,
        OfferAccepted, OfferRejected, OfferTimedOut, OfferRescinded, InteractionTransferred,
        AgentPresenceChanged, DeliveryStatusChanged {

  /** When it happened, by the engine's clock. */
  Instant at();

  /** The interaction it concerns, if any. */
  default Optional<InteractionId> interactionId() {
    return Optional.empty();
  }
}
