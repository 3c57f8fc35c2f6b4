package io.openchannel.internal.engine;

import io.openchannel.NotFoundException;
import io.openchannel.PermissionDeniedException;
import io.openchannel.account.Account;
import io.openchannel.contact.Contact;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Permission;
import io.openchannel.spi.store.StoreTransaction;
import io.openchannel.transcript.SenderRole;
import io.openchannel.transcript.Transcript;
import io.openchannel.transcript.TranscriptEntry;
import io.openchannel.transcript.TranscriptOptions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds an interaction's {@link Transcript} inside one read transaction (S22). */
final class TranscriptBuilder {
  private final Engine engine;

  TranscriptBuilder(Engine engine) {
    this.engine = engine;
  }

  Transcript build(AgentId by, InteractionId id, TranscriptOptions options) {
    Instant now = engine.now();
    return engine.transactions.read(tx -> build(tx, by, id, options, now));
  }

  private Transcript build(StoreTransaction tx, AgentId by, InteractionId id,
      TranscriptOptions options, Instant now) {
    Agent agent = tx.agents().find(by).orElseThrow(() -> new NotFoundException("no agent " + by));
    // The permission comes before the lookup, so an agent without it learns nothing, not even
    // whether the interaction exists.
    if (!agent.has(Permission.TRANSCRIPT_DOWNLOAD)) {
      throw new PermissionDeniedException("agent " + by + " lacks the TRANSCRIPT_DOWNLOAD"
          + " permission needed to download transcripts; grant it with agents().update(agent"
          + ".withPermissions(...)) including Permission.TRANSCRIPT_DOWNLOAD");
    }
    Interaction interaction = tx.interactions().find(id)
        .orElseThrow(() -> new NotFoundException("no interaction " + id));
    Account account = tx.accounts().find(interaction.account()).orElseThrow();
    Contact contact = tx.contacts().find(interaction.contact()).orElseThrow();
    ZoneId zone = options.zone();
    Map<AgentId, String> names = new HashMap<>();
    Set<String> involved = new LinkedHashSet<>();
    interaction.firstAgent().ifPresent(a -> involved.add(name(tx, names, a)));
    List<TranscriptEntry> entries = new ArrayList<>();
    for (Message m : tx.messages().listByInteraction(id)) {
      if (m.isInternalNote() && !options.includeNotes()) {
        continue;
      }
      m.author().ifPresent(a -> involved.add(name(tx, names, a)));
      entries.add(entry(tx, names, m, contact, account, zone));
    }
    interaction.owner().ifPresent(a -> involved.add(name(tx, names, a)));
    return new Transcript(interaction.id(), contact.id(), contact.displayName(), account.id(),
        account.name(), account.type(), interaction.visibility(), interaction.status(),
        interaction.startedAt().atZone(zone), interaction.closedAt().map(t -> t.atZone(zone)),
        interaction.disposition(),
        interaction.disposition().map(d -> JourneyReader.label(engine.config.dispositions(), d)),
        List.copyOf(involved), List.copyOf(interaction.tags()), entries, options.includeNotes(),
        zone, now.atZone(zone), agent.name());
  }

  private static TranscriptEntry entry(StoreTransaction tx, Map<AgentId, String> names, Message m,
      Contact contact, Account account, ZoneId zone) {
    SenderRole role;
    String sender;
    if (m.direction() == Direction.IN) {
      role = SenderRole.CUSTOMER;
      sender = contact.displayName();
    } else if (m.autoReply()) {
      role = SenderRole.AUTO_REPLY;
      sender = account.name();
    } else {
      role = SenderRole.AGENT;
      sender = m.author().map(a -> name(tx, names, a)).orElse(account.name());
    }
    return new TranscriptEntry(m.id(), m.createdAt().atZone(zone), m.direction(), m.kind(), role,
        sender, m.text(), m.attachment(), m.deliveryStatus(), m.failureReason(), m.canned());
  }

  private static String name(StoreTransaction tx, Map<AgentId, String> names, AgentId id) {
    return names.computeIfAbsent(id, x -> JourneyReader.agentName(tx, x));
  }
}
