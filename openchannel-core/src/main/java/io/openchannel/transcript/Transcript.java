package io.openchannel.transcript;

import io.openchannel.account.AccountId;
import io.openchannel.account.ChannelType;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Tag;
import io.openchannel.interaction.Visibility;
import io.openchannel.internal.util.Checks;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Everything a transcript of one interaction shows (S22), with every time already in the chosen
 * time zone: a snapshot read in one transaction by {@link io.openchannel.AgentDesk#transcript}.
 * Immutable; render it with a {@link TranscriptRenderer}.
 *
 * @param interaction the interaction
 * @param contact the contact
 * @param contactName the contact's display name
 * @param account the account
 * @param accountName the account's name
 * @param channel the account's channel
 * @param visibility private or public (S23)
 * @param status open or closed at the time of the snapshot
 * @param startedAt when it was opened
 * @param closedAt when it was closed, if it is (S24)
 * @param disposition its disposition, if it was closed and disposed (S24)
 * @param dispositionLabel the disposition's labels from the root down ("Sales / Order placed")
 * @param agentNames the agents involved: the first agent, then everyone else who wrote or owns
 *     it, in order of appearance, each once
 * @param tags its labels, sorted
 * @param entries its messages in the order they were stored; internal notes only if
 *     {@link #notesIncluded()}
 * @param notesIncluded whether internal notes were asked for
 * @param zone the time zone every time is shown in
 * @param generatedAt when the transcript was made, by the engine's clock
 * @param generatedBy the name of the agent who asked for it
 */
public record Transcript(
    InteractionId interaction,
    ContactId contact,
    String contactName,
    AccountId account,
    String accountName,
    ChannelType channel,
    Visibility visibility,
    InteractionStatus status,
    ZonedDateTime startedAt,
    Optional<ZonedDateTime> closedAt,
    Optional<DispositionId> disposition,
    Optional<String> dispositionLabel,
    List<String> agentNames,
    List<Tag> tags,
    List<TranscriptEntry> entries,
    boolean notesIncluded,
    ZoneId zone,
    ZonedDateTime generatedAt,
    String generatedBy) {

  /** Validates the transcript and copies its lists. */
  public Transcript {
    Checks.notNull(interaction, "interaction");
    Checks.notNull(contact, "contact");
    Checks.notNull(contactName, "contactName");
    Checks.notNull(account, "account");
    Checks.notNull(accountName, "accountName");
    Checks.notNull(channel, "channel");
    Checks.notNull(visibility, "visibility");
    Checks.notNull(status, "status");
    Checks.notNull(startedAt, "startedAt");
    Checks.notNull(closedAt, "closedAt");
    Checks.notNull(disposition, "disposition");
    Checks.notNull(dispositionLabel, "dispositionLabel");
    agentNames = List.copyOf(Checks.notNull(agentNames, "agentNames"));
    tags = List.copyOf(Checks.notNull(tags, "tags"));
    entries = List.copyOf(Checks.notNull(entries, "entries"));
    Checks.notNull(zone, "zone");
    Checks.notNull(generatedAt, "generatedAt");
    Checks.notNull(generatedBy, "generatedBy");
    Checks.check(disposition.isPresent() == dispositionLabel.isPresent(),
        "a disposition and its label come together");
    Checks.check((status == InteractionStatus.CLOSED) == closedAt.isPresent(),
        "closedAt is set exactly when the interaction is closed");
    Checks.check(notesIncluded || entries.stream().noneMatch(TranscriptEntry::isInternalNote),
        "internal notes are in a transcript only when notesIncluded is set");
    for (ZonedDateTime t : List.of(startedAt, generatedAt)) {
      Checks.check(t.getZone().equals(zone), () -> "time " + t + " is not in the zone " + zone);
    }
  }

  /** The document's title: "Transcript: Mia Rossi on Shop (Facebook Messenger)". */
  public String title() {
    return "Transcript: " + contactName + " on " + accountName + " (" + channel.displayName() + ")";
  }

  /** The suggested file name without extension: {@code transcript-<interaction id>}. */
  public String baseFileName() {
    return "transcript-" + interaction.value();
  }
}
