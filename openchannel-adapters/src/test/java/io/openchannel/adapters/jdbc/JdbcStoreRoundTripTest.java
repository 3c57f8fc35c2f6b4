package io.openchannel.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.Conversation;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.ConversationKey;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.LastMessage;
import io.openchannel.interaction.Tag;
import io.openchannel.interaction.Visibility;
import io.openchannel.message.Attachment;
import io.openchannel.message.AttachmentId;
import io.openchannel.message.DeliveryStatus;
import io.openchannel.message.Direction;
import io.openchannel.message.Message;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.message.MessageTemplate;
import io.openchannel.policy.MessageTag;
import io.openchannel.policy.MessagingType;
import io.openchannel.policy.ReplyMode;
import io.openchannel.policy.SendDecision;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Permission;
import io.openchannel.routing.Presence;
import io.openchannel.routing.QueueId;
import io.openchannel.spi.store.Store;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Entities with every optional part set, any text and instants to the nanosecond come back
 * exactly as stored on every engine: the kit's fixtures leave most of them empty.
 */
class JdbcStoreRoundTripTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456789Z");
  /** Longer than the indexed prefix of a field value, with an emoji across the cut. */
  private static final String LONG_VALUE = "x".repeat(99) + "\uD83D\uDE00" + "é".repeat(300);

  private final String p = "rt" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void everyPartOfEveryEntityComesBackExactly(TestDatabase.Engine engine) {
    Store store = TestDatabase.shared(engine).newEmptyStore();
    Account account = Account.of(AccountId.of(p + "-fb"), ChannelType.FACEBOOK_MESSENGER, "Shop 🛍",
        AccountSettings.builder().replyUrl("https://connector.example.com/reply?x=1")
            .attachmentsEnabled(true).maxAttachmentBytes(1024L).transferAllowed(true)
            .autoReply("Thanks! مرحبا").mapKey("phone").queue(QueueId.of("sales"))
            .humanAgentTag(true).legacyOneMoreMessage(true).build());
    Agent agent = Agent.of(AgentId.of(p + "-ann"), "Ann Ñ").withPresence(Presence.PAUSED)
        .withCapacity(Map.of(ChannelType.GENERIC, 2, ChannelType.WHATSAPP, 5))
        .withAccounts(Set.of(account.id())).withPermissions(Set.of(Permission.TRANSFER,
            Permission.TRANSCRIPT_DOWNLOAD)).withSkills(Set.of("french", "billing"));
    ChannelIdentity second = ChannelIdentity.of(account.id(), "psid-2");
    ChannelIdentity first = ChannelIdentity.of(account.id(), "psid-1");
    Contact contact = new Contact(ContactId.of(p + "-mia"), Optional.of("Mia"), Optional.of("Rossi"),
        Map.of("phone", "+3212345", "note", LONG_VALUE),
        new LinkedHashSet<>(List.of(second, first)), AT, 0);
    ConversationKey key = new ConversationKey(account.id(), "psid-1", Visibility.PUBLIC,
        Optional.of("post-7"));
    InteractionId interactionId = InteractionId.of(p + "-int");
    Conversation conversation = Conversation.start(ConversationId.of(p + "-cnv"), key, contact.id(),
        AT).withOpened(interactionId, false).withInbound(AT.plusNanos(1));
    Interaction interaction = Interaction.open(interactionId, conversation, Direction.IN, AT)
        .withOwner(agent.id()).withRead(true).withTags(Set.of(Tag.of("vip"), Tag.of("b")))
        .withLastMessage(new LastMessage(MessageId.of(p + "-m1"), AT, Direction.IN,
            MessageKind.TEXT, "Hi 👋"))
        .closed(AT.plusSeconds(60), Optional.of(DispositionId.of("won")));
    Message failedTemplate = new Message(MessageId.of(p + "-m2"), interactionId, account.id(),
        Direction.OUT, MessageKind.TEMPLATE, "Your order shipped", Optional.empty(),
        Optional.of(agent.id()), false, true, Optional.of("wamid.9"),
        Optional.of(DeliveryStatus.FAILED), Optional.of("blocked by the user"),
        Optional.of(new MessageTemplate("order_update", "en_US", List.of("42", "Mia"))),
        Optional.of(new SendDecision.Allowed(Optional.of(MessagingType.MESSAGE_TAG),
            Optional.of(MessageTag.HUMAN_AGENT), true, Optional.of(ReplyMode.REPLY_TOKEN),
            Optional.of(AT.plusSeconds(3600)))), AT.plusNanos(999), 0);
    Message attachment = new Message(MessageId.of(p + "-m3"), interactionId, account.id(),
        Direction.IN, MessageKind.ATTACHMENT, "", Optional.of(new Attachment(
            AttachmentId.of("att-1"), "invoice été.pdf", "application/pdf", 123_456)),
        Optional.empty(), false, false, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), AT, 0);

    store.inTransaction(tx -> {
      tx.accounts().insert(account);
      tx.agents().insert(agent);
      tx.contacts().insert(contact);
      tx.conversations().insert(conversation);
      tx.interactions().insert(interaction);
      tx.messages().insert(failedTemplate);
      return tx.messages().insert(attachment);
    });

    store.read(tx -> {
      assertThat(tx.accounts().find(account.id())).contains(account);
      assertThat(tx.agents().find(agent.id())).contains(agent);
      assertThat(tx.contacts().find(contact.id())).contains(contact);
      assertThat(tx.contacts().find(contact.id()).orElseThrow().identities())
          .containsExactly(second, first);
      assertThat(tx.contacts().findByField("note", LONG_VALUE)).containsExactly(contact);
      assertThat(tx.contacts().findByField("note", LONG_VALUE + "!")).isEmpty();
      assertThat(tx.conversations().findByKey(key)).contains(conversation);
      assertThat(tx.interactions().find(interactionId)).contains(interaction);
      assertThat(tx.messages().listByInteraction(interactionId))
          .containsExactly(failedTemplate, attachment);
      return null;
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Engine.class)
  void idsAndKeysAreCaseSensitive(TestDatabase.Engine engine) {
    Store store = TestDatabase.shared(engine).newEmptyStore();
    Account lower = Account.of(AccountId.of(p + "-acc"), ChannelType.GENERIC, "a",
        AccountSettings.defaults());
    Account upper = Account.of(AccountId.of(p.toUpperCase() + "-ACC"), ChannelType.GENERIC, "b",
        AccountSettings.defaults());
    Contact contact = new Contact(ContactId.of(p + "-c"), Optional.empty(), Optional.empty(),
        Map.of(), Set.of(ChannelIdentity.of(lower.id(), "Psid")), AT, 0);
    Contact other = new Contact(ContactId.of(p + "-d"), Optional.empty(), Optional.empty(),
        Map.of(), Set.of(ChannelIdentity.of(lower.id(), "psid")), AT, 0);

    store.inTransaction(tx -> {
      tx.accounts().insert(lower);
      tx.accounts().insert(upper);
      tx.contacts().insert(contact);
      return tx.contacts().insert(other);
    });

    List<Account> listed = store.read(tx -> tx.accounts().list());
    Optional<Contact> byOtherCase = store.read(tx -> tx.contacts().findByIdentity(
        ChannelIdentity.of(lower.id(), "PSID")));

    assertThat(listed).containsExactly(upper, lower);
    assertThat(byOtherCase).isEmpty();
  }
}
