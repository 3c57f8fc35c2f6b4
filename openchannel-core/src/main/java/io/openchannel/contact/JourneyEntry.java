package io.openchannel.contact;

import io.openchannel.account.AccountId;
import io.openchannel.account.ChannelType;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.LastMessage;
import io.openchannel.interaction.Tag;
import io.openchannel.interaction.Visibility;
import io.openchannel.internal.util.Checks;
import io.openchannel.routing.AgentId;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One interaction of a contact's {@link Journey}: what an agent's side panel shows in one line
 * (S9) without opening the interaction. Immutable.
 *
 * @param interaction the interaction
 * @param account the account it happened on
 * @param accountName the account's name
 * @param channel the account's channel
 * @param visibility private or public (S23)
 * @param status open or closed
 * @param startedAt when it was opened
 * @param closedAt when it was closed, if it is
 * @param disposition its disposition's id, if it was closed and disposed
 * @param dispositionLabel the disposition's labels from the root down ("Sales / Order placed");
 *     the bare id if the disposition is no longer configured
 * @param firstAgent the first agent who managed it, if any
 * @param firstAgentName that agent's name
 * @param lastMessage the view's last message (never an auto-reply or a note, S16), if any
 * @param messageCount how many messages went to or came from the customer, auto-replies
 *     included and internal notes not
 * @param read whether an agent has read its latest inbound message
 * @param tags its labels, sorted
 */
public record JourneyEntry(
    InteractionId interaction,
    AccountId account,
    String accountName,
    ChannelType channel,
    Visibility visibility,
    InteractionStatus status,
    Instant startedAt,
    Optional<Instant> closedAt,
    Optional<DispositionId> disposition,
    Optional<String> dispositionLabel,
    Optional<AgentId> firstAgent,
    Optional<String> firstAgentName,
    Optional<LastMessage> lastMessage,
    int messageCount,
    boolean read,
    SortedSet<Tag> tags) {

  /** Validates the entry and copies its tags. */
  public JourneyEntry {
    Checks.notNull(interaction, "interaction");
    Checks.notNull(account, "account");
    Checks.notNull(accountName, "accountName");
    Checks.notNull(channel, "channel");
    Checks.notNull(visibility, "visibility");
    Checks.notNull(status, "status");
    Checks.notNull(startedAt, "startedAt");
    Checks.notNull(closedAt, "closedAt");
    Checks.notNull(disposition, "disposition");
    Checks.notNull(dispositionLabel, "dispositionLabel");
    Checks.notNull(firstAgent, "firstAgent");
    Checks.notNull(firstAgentName, "firstAgentName");
    Checks.notNull(lastMessage, "lastMessage");
    Checks.notNegative(messageCount, "messageCount");
    Checks.notNull(tags, "tags");
    Checks.check(disposition.isPresent() == dispositionLabel.isPresent(),
        "a disposition and its label come together");
    Checks.check(firstAgent.isPresent() == firstAgentName.isPresent(),
        "a first agent and their name come together");
    tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
  }

  /** Whether the interaction is still open. */
  public boolean isOpen() {
    return status == InteractionStatus.OPEN;
  }
}
