package io.openchannel.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openchannel.AgentDesk;
import io.openchannel.InvalidInputException;
import io.openchannel.OpenChannel;
import io.openchannel.ReceiveResult;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.contact.ContactId;
import io.openchannel.interaction.ConversationId;
import io.openchannel.interaction.Disposition;
import io.openchannel.interaction.DispositionId;
import io.openchannel.interaction.Dispositions;
import io.openchannel.interaction.InteractionId;
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
import io.openchannel.routing.OfferId;
import io.openchannel.routing.Presence;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.RescindReason;
import io.openchannel.spi.channel.ScriptedConnector;
import io.openchannel.tck.DeterministicScheduler;
import io.openchannel.tck.ManualClock;
import io.openchannel.policy.MessageTag;
import io.openchannel.policy.ReplyMode;
import io.openchannel.policy.SendDecision;
import io.openchannel.routing.Agent;
import io.openchannel.routing.AgentId;
import io.openchannel.spi.channel.InboundAttachment;
import io.openchannel.spi.channel.InboundMessage;
import io.openchannel.spi.channel.SenderProfile;
import io.openchannel.spi.store.BlobStore;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON form of every event: round trips, the {@code type} name, Unicode kept byte for byte,
 * garbage refused, and real events from an engine run.
 */
class EventJsonTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final Instant AT = Instant.parse("2024-05-06T07:08:09.123456789Z");
  private static final InteractionId INTERACTION = InteractionId.of("01hx-interaction");
  private static final AccountId ACCOUNT = AccountId.of("fb-shop");
  private static final ContactId CONTACT = ContactId.of("01hx-contact");
  private static final AgentId ANN = AgentId.of("ann");
  private static final AgentId BOB = AgentId.of("bob");

  /** Text that breaks naive encoders: emoji sequences, RTL, combining marks, NFC vs NFD, escapes. */
  static final List<String> TRICKY_TEXT = List.of(
      "👍🏽 👨‍👩‍👧‍👦 🇮🇹 ❤️‍🔥",
      "مرحبا بالعالم — שלום עולם",
      "\u200Fابدأ\u200E then LTR",
      "Zoe\u0308 cafe\u0301 Z\u0351\u0300a\u0364\u0327l\u0300g\u036Fo\u0489",
      "caf\u00E9 ≠ cafe\u0301",
      "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎 漢字 かな",
      "\uFEFFbom \u2028 line sep \u2029 para sep",
      "quotes \" back\\slash / tab\t nl\n cr\r nul\u0000 bell\u0007",
      "</script><!-- {\"type\":\"x\"} -->");

  // ---- samples ---------------------------------------------------------------------------------

  static List<OpenChannelEvent> samples() {
    return List.of(
        new ContactCreated(AT, CONTACT, ACCOUNT, "Mia Rossi"),
        new ContactCreated(AT, CONTACT, ACCOUNT, "شيرين Zoë 👋"),
        new InteractionOpened(AT, INTERACTION, ConversationId.of("01hx-conv"), ACCOUNT, CONTACT,
            "Mia Rossi", Visibility.PRIVATE, Direction.IN, 3),
        new InteractionOpened(AT, INTERACTION, ConversationId.of("01hx-conv"), ACCOUNT, CONTACT,
            "Ωmega 漢字", Visibility.PUBLIC, Direction.OUT, 0),
        new MessageAdded(AT, INTERACTION, inboundWithFile()),
        new MessageAdded(AT, INTERACTION, agentReplyFailed()),
        new MessageAdded(AT, INTERACTION, note()),
        new MessageAdded(AT, INTERACTION, autoReply()),
        new MessageAdded(AT, INTERACTION, template()),
        new DeliveryStatusChanged(AT, INTERACTION, MessageId.of("m-out"), DeliveryStatus.FAILED,
            Optional.of("(#551) This person isn't available right now")),
        new DeliveryStatusChanged(AT, INTERACTION, MessageId.of("m-out"), DeliveryStatus.READ,
            Optional.empty()),
        new InteractionAssigned(AT, INTERACTION, ANN, Optional.empty(), true),
        new InteractionAssigned(AT, INTERACTION, BOB, Optional.of(ANN), false),
        new ReadStateChanged(AT, INTERACTION, true, Optional.of(ANN)),
        new ReadStateChanged(AT, INTERACTION, false, Optional.empty()),
        new TagsChanged(AT, INTERACTION, new TreeSet<>(Set.of(Tag.of("vip"), Tag.of("🔥 hot"),
            Tag.of("العربية"))), ANN),
        new TagsChanged(AT, INTERACTION, new TreeSet<>(), BOB),
        new InteractionClosed(AT, INTERACTION, Optional.of(ANN), Optional.of(DispositionId.of("won"))),
        new InteractionClosed(AT, INTERACTION, Optional.empty(), Optional.empty()),
        new InteractionQueued(AT, INTERACTION, QueueId.of("sales"), InteractionQueued.Cause.NEW,
            Optional.empty()),
        new InteractionQueued(AT, INTERACTION, QueueId.of("support"),
            InteractionQueued.Cause.TRANSFER, Optional.of(QueueId.of("sales"))),
        new OfferCreated(AT, OfferId.of("o1"), INTERACTION, ANN, QueueId.of("sales"), ACCOUNT,
            ChannelType.WHATSAPP, "شيرين Zoë", "Hi 👋", AT.plusSeconds(30), Optional.empty()),
        new OfferCreated(AT, OfferId.of("o2"), INTERACTION, BOB, QueueId.of("sales"), ACCOUNT,
            ChannelType.TELEGRAM, "Mia", "again", AT.plusSeconds(30), Optional.of(ANN)),
        new OfferAccepted(AT, OfferId.of("o1"), INTERACTION, ANN),
        new OfferRejected(AT, OfferId.of("o2"), INTERACTION, BOB),
        new OfferTimedOut(AT, OfferId.of("o3"), INTERACTION, BOB),
        new OfferRescinded(AT, OfferId.of("o4"), INTERACTION, BOB, RescindReason.TAKEN_BY_OTHER_AGENT),
        new InteractionTransferred(AT, INTERACTION, ANN, Optional.of(QueueId.of("support")),
            Optional.empty()),
        new InteractionTransferred(AT, INTERACTION, ANN, Optional.empty(), Optional.of(BOB)),
        new AgentPresenceChanged(AT, ANN, Presence.AVAILABLE, Presence.PAUSED, true));
  }

  private static Message inboundWithFile() {
    return new Message(MessageId.of("m-in"), INTERACTION, ACCOUNT, Direction.IN, MessageKind.VOICE,
        "", Optional.of(new Attachment(AttachmentId.of("blob-1"), "voice 🎤.ogg", "audio/ogg", 4096)),
        Optional.empty(), false, false, Optional.of("mid.$cAAJ"), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), AT, 0);
  }

  private static Message agentReplyFailed() {
    return new Message(MessageId.of("m-out"), INTERACTION, ACCOUNT, Direction.OUT, MessageKind.TEXT,
        "Hello 👋 مرحبا", Optional.empty(), Optional.of(ANN), false, true, Optional.of("wamid.1"),
        Optional.of(DeliveryStatus.FAILED), Optional.of("outside the 24 h window"), Optional.empty(),
        Optional.of(SendDecision.Allowed.tagged(MessageTag.HUMAN_AGENT, AT)), AT, 3);
  }

  private static Message note() {
    return new Message(MessageId.of("m-note"), INTERACTION, ACCOUNT, Direction.OUT, MessageKind.NOTE,
        "customer is a VIP ⭐", Optional.empty(), Optional.of(BOB), false, false, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), AT, 0);
  }

  private static Message autoReply() {
    return new Message(MessageId.of("m-auto"), INTERACTION, ACCOUNT, Direction.OUT, MessageKind.TEXT,
        "Thanks! We'll answer soon.", Optional.empty(), Optional.empty(), true, false,
        Optional.empty(), Optional.of(DeliveryStatus.QUEUED), Optional.empty(), Optional.empty(),
        Optional.of(SendDecision.Allowed.line(ReplyMode.REPLY_TOKEN, Optional.empty())), AT, 0);
  }

  private static Message template() {
    MessageTemplate t = MessageTemplate.of("order_update", "en_US", "#42", "Friday 🚚");
    return new Message(MessageId.of("m-tpl"), INTERACTION, ACCOUNT, Direction.OUT, MessageKind.TEMPLATE,
        t.preview(), Optional.empty(), Optional.of(ANN), false, false, Optional.of("wamid.2"),
        Optional.of(DeliveryStatus.READ), Optional.empty(), Optional.of(t),
        Optional.of(SendDecision.Allowed.asTemplate()), AT, 2);
  }

  // ---- the samples cover every type and every optional -------------------------------------------

  @Test
  void everyEventTypeHasASample() {
    Set<Class<?>> sampled = samples().stream().map(Object::getClass).collect(Collectors.toSet());
    for (Class<?> type : OpenChannelEvent.class.getPermittedSubclasses()) {
      assertThat(sampled).as("add a sample of %s to EventJsonTest.samples()", type.getSimpleName())
          .contains(type);
    }
  }

  @Test
  void samplesHaveEveryOptionalBothPresentAndAbsent() {
    Map<String, Set<Boolean>> presence = new TreeMap<>();
    for (OpenChannelEvent e : samples()) {
      collectOptionals(e.getClass().getSimpleName(), (Record) e, presence);
    }
    assertThat(presence).isNotEmpty();
    presence.forEach((component, seen) -> assertThat(seen)
        .as("samples have %s both present and absent", component).containsExactlyInAnyOrder(true, false));
  }

  /** Records the presence of each Optional component, descending into nested records. */
  private static void collectOptionals(String path, Record value, Map<String, Set<Boolean>> presence) {
    for (RecordComponent c : value.getClass().getRecordComponents()) {
      Object v = read(c, value);
      String where = path + "." + c.getName();
      if (v instanceof Optional<?> o) {
        presence.computeIfAbsent(where, k -> new TreeSet<>()).add(o.isPresent());
      } else if (v instanceof Record nested) {
        collectOptionals(where, nested, presence);
      }
    }
  }

  private static Object read(RecordComponent c, Record value) {
    try {
      return c.getAccessor().invoke(value);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  // ---- round trips ---------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("samples")
  void roundTripsToAnEqualEvent(OpenChannelEvent event) {
    String json = EventJson.toJson(event);
    assertThat(EventJson.fromJson(json)).isEqualTo(event);
    assertThat(EventJson.toJson(EventJson.fromJson(json))).as("stable form").isEqualTo(json);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void typePropertyNamesTheRecord(OpenChannelEvent event) throws Exception {
    JsonNode json = PLAIN.readTree(EventJson.toJson(event));
    assertThat(json.get("type").asText()).isEqualTo(event.getClass().getSimpleName());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void timesAreIsoStringsIdsPlainStringsAndAbsentOptionalsNull(OpenChannelEvent event)
      throws Exception {
    JsonNode json = PLAIN.readTree(EventJson.toJson(event));
    assertThat(json.get("at").isTextual()).as("at is text: %s", json).isTrue();
    assertThat(Instant.parse(json.get("at").asText())).isEqualTo(event.at());
    event.interactionId().ifPresent(id -> assertThat(json.get("interaction").asText())
        .as("ids are plain strings: %s", json).isEqualTo(id.value()));
    for (RecordComponent c : event.getClass().getRecordComponents()) {
      if (read(c, (Record) event) instanceof Optional<?> o && o.isEmpty()) {
        assertThat(json.has(c.getName())).as("%s written", c.getName()).isTrue();
        assertThat(json.get(c.getName()).isNull()).as("absent %s is null", c.getName()).isTrue();
      }
    }
  }

  static Stream<String> trickyText() {
    return TRICKY_TEXT.stream();
  }

  @ParameterizedTest
  @MethodSource("trickyText")
  void unicodeTextSurvivesByteForByte(String text) {
    Message message = new Message(MessageId.of("m-1"), INTERACTION, ACCOUNT, Direction.IN,
        MessageKind.TEXT, text, Optional.empty(), Optional.empty(), false, false, Optional.of("c-1"),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), AT, 0);
    List<OpenChannelEvent> events = List.of(
        new MessageAdded(AT, INTERACTION, message),
        new ContactCreated(AT, CONTACT, ACCOUNT, text),
        new InteractionOpened(AT, INTERACTION, ConversationId.of("c"), ACCOUNT, CONTACT, text,
            Visibility.PRIVATE, Direction.IN, 1));
    for (OpenChannelEvent event : events) {
      // Sent as UTF-8 bytes, as over HTTP or a queue, and read back.
      byte[] wire = EventJson.toJson(event).getBytes(StandardCharsets.UTF_8);
      OpenChannelEvent back = EventJson.fromJson(new String(wire, StandardCharsets.UTF_8));
      assertThat(back).isEqualTo(event);
      String textBack = back instanceof MessageAdded m ? m.message().text()
          : back instanceof ContactCreated c ? c.displayName() : ((InteractionOpened) back).contactName();
      assertThat(textBack.getBytes(StandardCharsets.UTF_8)).as("UTF-8 bytes of %s", text)
          .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void precomposedAndDecomposedTextStayDistinct() {
    OpenChannelEvent nfc = new ContactCreated(AT, CONTACT, ACCOUNT, "caf\u00E9");
    OpenChannelEvent nfd = new ContactCreated(AT, CONTACT, ACCOUNT, "cafe\u0301");
    assertThat(EventJson.fromJson(EventJson.toJson(nfc))).isEqualTo(nfc).isNotEqualTo(nfd);
    assertThat(EventJson.fromJson(EventJson.toJson(nfd))).isEqualTo(nfd);
  }

  // ---- garbage ---------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "   ",
      "not json",
      "null",
      "42",
      "\"ContactCreated\"",
      "[]",
      "{}",
      "{\"type\":\"NoSuchEvent\",\"at\":\"2024-01-01T00:00:00Z\"}",
      "{\"type\":\"ContactCreated\"}",
      "{\"type\":\"ContactCreated\",\"at\":\"2024-01-01T00:00:00Z\",\"contact\":\"c\",\"account\":\"a\"}",
      "{\"type\":\"ContactCreated\",\"at\":\"yesterday\",\"contact\":\"c\",\"account\":\"a\",\"displayName\":\"x\"}",
      "{\"type\":\"ContactCreated\",\"at\":\"2024-01-01T00:00:00Z\",\"contact\":\"\",\"account\":\"a\",\"displayName\":\"x\"}",
      "{\"type\":\"ContactCreated\",\"at\":\"2024-01-01T00:00:00Z\",\"contact\":\"c\",\"account\":\"a\",\"displayName\":\"x\"",
      "{\"type\":\"ContactCreated\",\"at\":\"2024-01-01T00:00:00Z\",\"contact\":\"c\",\"account\":\"a\",\"displayName\":\"x\"} trailing",
      "{\"type\":\"ReadStateChanged\",\"at\":\"2024-01-01T00:00:00Z\",\"interaction\":\"i\",\"read\":null,\"by\":null}",
      "{\"type\":\"ReadStateChanged\",\"at\":\"2024-01-01T00:00:00Z\",\"interaction\":\"i\",\"by\":null}",
      "{\"type\":\"ReadStateChanged\",\"at\":\"2024-01-01T00:00:00Z\",\"interaction\":\"i\",\"read\":\"maybe\",\"by\":null}",
      "{\"type\":\"InteractionOpened\",\"at\":\"2024-01-01T00:00:00Z\",\"interaction\":\"i\",\"conversation\":\"c\",\"account\":\"a\",\"contact\":\"c\",\"contactName\":\"n\",\"visibility\":\"SECRET\",\"origin\":\"IN\",\"unmanagedCount\":1}",
      "{\"type\":\"MessageAdded\",\"at\":\"2024-01-01T00:00:00Z\",\"interaction\":\"i\",\"message\":{\"id\":\"m\"}}",
  })
  void garbageIsRefusedWithInvalidInput(String json) {
    assertThatThrownBy(() -> EventJson.fromJson(json)).as("fromJson(%s)", json)
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void derivedValuesAreNotPartOfTheJsonForm() {
    String json = EventJson.toJson(new MessageAdded(AT, INTERACTION, inboundWithFile()))
        + EventJson.toJson(new MessageAdded(AT, INTERACTION, template()));

    assertThat(json).doesNotContain("\"internalNote\"", "\"audio\"", "\"allowed\"");
  }

  @Test
  void nullIsRefusedWithInvalidInput() {
    assertThatThrownBy(() -> EventJson.fromJson(null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> EventJson.toJson(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void unknownPropertiesAreIgnoredSoNewerWritersStayReadable() {
    OpenChannelEvent event = new ReadStateChanged(AT, INTERACTION, true, Optional.of(ANN));
    String json = EventJson.toJson(event);
    String newer = json.substring(0, json.length() - 1) + ",\"addedLater\":{\"x\":[1,2]}}";
    assertThat(EventJson.fromJson(newer)).isEqualTo(event);
  }

  // ---- real events ---------------------------------------------------------------------------

  @Test
  void everyEventAnEngineRunPublishesRoundTrips() {
    List<OpenChannelEvent> captured = new CopyOnWriteArrayList<>();
    AccountId web = AccountId.of("web");
    DeterministicScheduler scheduler = new DeterministicScheduler(new ManualClock(AT));
    try (OpenChannel engine = OpenChannel.builder()
        .clock(scheduler.clock())
        .scheduler(scheduler)
        .connector(new ScriptedConnector(ChannelType.GENERIC, "secret"))
        .blobStore(BlobStore.inMemory())
        .dispositions(Dispositions.of(Disposition.of("won", "Won 🏆")))
        .listener(captured::add)
        .build()) {
      engine.accounts().create(Account.of(web, ChannelType.GENERIC, "Web ✨",
          AccountSettings.builder().replyUrl("https://connector.example/reply")
              .autoReply("Merci ! 🙏").build()));
      engine.agents().create(Agent.of(ANN, "Ann"));
      engine.agents().create(Agent.of(BOB, "Bob"));
      SenderProfile sender = new SenderProfile("visitor-1", Optional.of("شيرين"), Optional.empty(),
          Map.of("email", "s@example.com"));
      ReceiveResult first = engine.receive(web, InboundMessage.text("w-1", sender, TRICKY_TEXT.get(0), AT));
      InteractionId id = first.interaction().id();
      engine.receive(web, new InboundMessage("w-2", sender, "", Optional.of(InboundAttachment.of(
          "scan 📄.pdf", "application/pdf", new byte[] {1, 2, 3})), false, AT, Optional.empty(),
          Optional.empty()));
      engine.assign(id, ANN);
      engine.assign(id, BOB);
      AgentDesk bob = engine.desk(BOB);
      bob.markRead(id);
      bob.sendText(id, TRICKY_TEXT.get(1));
      scheduler.runDue(); // the scripted platform accepts it: DeliveryStatusChanged to SENT
      bob.addNote(id, TRICKY_TEXT.get(3));
      bob.addTags(id, Set.of(Tag.of("vip"), Tag.of("🔥 hot")));
      engine.receive(web, InboundMessage.text("w-3", sender, TRICKY_TEXT.get(6), AT));
      bob.closeAndDispose(id, DispositionId.of("won"));
      ReceiveResult again = engine.receive(web, InboundMessage.text("w-4", sender, "again", AT));
      engine.close(again.interaction().id());
    }

    Set<Class<?>> published = captured.stream().map(e -> (Class<?>) e.getClass())
        .collect(Collectors.toSet());
    // Routing's events need queues and agents on duty: RoutingEventsJsonTest runs those.
    Set<Class<?>> routing = Set.of(InteractionQueued.class, OfferCreated.class, OfferAccepted.class,
        OfferRejected.class, OfferTimedOut.class, OfferRescinded.class,
        InteractionTransferred.class, AgentPresenceChanged.class);
    assertThat(published).as("the run publishes every event type but routing's")
        .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(
            OpenChannelEvent.class.getPermittedSubclasses()).filter(c -> !routing.contains(c)).toList());
    List<OpenChannelEvent> back = new ArrayList<>();
    for (OpenChannelEvent e : captured) {
      back.add(EventJson.fromJson(EventJson.toJson(e)));
    }
    assertThat(back).containsExactlyElementsOf(captured);
  }
}
