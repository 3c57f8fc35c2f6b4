package io.openchannel.adapters.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.interaction.LastMessage;
import io.openchannel.interaction.Tag;
import io.openchannel.message.Attachment;
import io.openchannel.message.AttachmentId;
import io.openchannel.message.Direction;
import io.openchannel.message.MessageId;
import io.openchannel.message.MessageKind;
import io.openchannel.message.MessageTemplate;
import io.openchannel.policy.MessageTag;
import io.openchannel.policy.MessagingType;
import io.openchannel.policy.ReplyMode;
import io.openchannel.policy.SendDecision;
import io.openchannel.routing.Permission;
import io.openchannel.routing.QueueId;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The JSON form of the nested value objects kept in one column each (account settings, an agent's
 * profile, tags, last message, attachment, template, send terms). Written field by field rather
 * than by reflection, so that renaming a record component cannot silently change what is stored;
 * absent optionals are left out.
 */
final class JsonColumns {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonColumns() {}

  static String settings(AccountSettings s) {
    ObjectNode o = MAPPER.createObjectNode();
    s.replyUrl().ifPresent(u -> o.put("replyUrl", u.toString()));
    o.put("attachmentsEnabled", s.attachmentsEnabled());
    s.maxAttachmentBytes().ifPresent(n -> o.put("maxAttachmentBytes", n));
    o.put("transferAllowed", s.transferAllowed());
    s.autoReply().ifPresent(t -> o.put("autoReply", t));
    s.mapKey().ifPresent(k -> o.put("mapKey", k));
    s.queue().ifPresent(q -> o.put("queue", q.value()));
    o.put("humanAgentTag", s.humanAgentTag());
    o.put("legacyOneMoreMessage", s.legacyOneMoreMessage());
    return write(o);
  }

  static AccountSettings settings(String json) {
    JsonNode o = read(json);
    return new AccountSettings(text(o, "replyUrl").map(URI::create),
        o.path("attachmentsEnabled").asBoolean(),
        o.has("maxAttachmentBytes") ? OptionalLong.of(o.get("maxAttachmentBytes").asLong())
            : OptionalLong.empty(),
        o.path("transferAllowed").asBoolean(), text(o, "autoReply"), text(o, "mapKey"),
        text(o, "queue").map(QueueId::of), o.path("humanAgentTag").asBoolean(),
        o.path("legacyOneMoreMessage").asBoolean());
  }

  /** An agent's capacity, accounts, permissions and skills. */
  record Profile(Map<ChannelType, Integer> capacity, Set<AccountId> accounts,
      Set<Permission> permissions, Set<String> skills) {}

  static String profile(Profile p) {
    ObjectNode o = MAPPER.createObjectNode();
    ObjectNode capacity = o.putObject("capacity");
    p.capacity().forEach((type, n) -> capacity.put(type.name(), n));
    strings(o.putArray("accounts"), p.accounts(), AccountId::value);
    strings(o.putArray("permissions"), p.permissions(), Permission::name);
    strings(o.putArray("skills"), p.skills(), s -> s);
    return write(o);
  }

  static Profile profile(String json) {
    JsonNode o = read(json);
    Map<ChannelType, Integer> capacity = new EnumMap<>(ChannelType.class);
    Iterator<Map.Entry<String, JsonNode>> fields = o.path("capacity").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      capacity.put(ChannelType.valueOf(e.getKey()), e.getValue().asInt());
    }
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    strings(o.path("permissions")).forEach(p -> permissions.add(Permission.valueOf(p)));
    return new Profile(capacity, new TreeSet<>(strings(o.path("accounts")).stream()
        .map(AccountId::of).toList()), permissions, new TreeSet<>(strings(o.path("skills"))));
  }

  static String tags(Set<Tag> tags) {
    ArrayNode a = MAPPER.createArrayNode();
    tags.forEach(t -> a.add(t.name()));
    return write(a);
  }

  static TreeSet<Tag> tags(String json) {
    TreeSet<Tag> tags = new TreeSet<>();
    strings(read(json)).forEach(t -> tags.add(Tag.of(t)));
    return tags;
  }

  static String lastMessage(LastMessage m) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("messageId", m.messageId().value());
    o.put("at", m.at().toString());
    o.put("direction", m.direction().name());
    o.put("kind", m.kind().name());
    o.put("preview", m.preview());
    return write(o);
  }

  static LastMessage lastMessage(String json) {
    JsonNode o = read(json);
    return new LastMessage(MessageId.of(o.path("messageId").asText()),
        Instant.parse(o.path("at").asText()), Direction.valueOf(o.path("direction").asText()),
        MessageKind.valueOf(o.path("kind").asText()), o.path("preview").asText());
  }

  static String attachment(Attachment a) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", a.id().value());
    o.put("fileName", a.fileName());
    o.put("contentType", a.contentType());
    o.put("sizeBytes", a.sizeBytes());
    return write(o);
  }

  static Attachment attachment(String json) {
    JsonNode o = read(json);
    return new Attachment(AttachmentId.of(o.path("id").asText()), o.path("fileName").asText(),
        o.path("contentType").asText(), o.path("sizeBytes").asLong());
  }

  static String template(MessageTemplate t) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("name", t.name());
    o.put("language", t.language());
    strings(o.putArray("parameters"), t.parameters(), p -> p);
    return write(o);
  }

  static MessageTemplate template(String json) {
    JsonNode o = read(json);
    return new MessageTemplate(o.path("name").asText(), o.path("language").asText(),
        strings(o.path("parameters")));
  }

  static String sendTerms(SendDecision.Allowed a) {
    ObjectNode o = MAPPER.createObjectNode();
    a.messagingType().ifPresent(t -> o.put("messagingType", t.name()));
    a.tag().ifPresent(t -> o.put("tag", t.name()));
    o.put("template", a.template());
    a.replyMode().ifPresent(r -> o.put("replyMode", r.name()));
    a.until().ifPresent(u -> o.put("until", u.toString()));
    return write(o);
  }

  static SendDecision.Allowed sendTerms(String json) {
    JsonNode o = read(json);
    return new SendDecision.Allowed(text(o, "messagingType").map(MessagingType::valueOf),
        text(o, "tag").map(MessageTag::valueOf), o.path("template").asBoolean(),
        text(o, "replyMode").map(ReplyMode::valueOf), text(o, "until").map(Instant::parse));
  }

  private static <T> void strings(ArrayNode into, Iterable<T> values, Function<T, String> text) {
    values.forEach(v -> into.add(text.apply(v)));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>(array.size());
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Optional<String> text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    return n == null || n.isNull() ? Optional.empty() : Optional.of(n.asText());
  }

  private static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON of a tree: " + e.getMessage(), e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new JdbcStoreException("a JSON column holds something that is not JSON ("
          + e.getOriginalMessage() + "); was the row written by hand?", e);
    }
  }
}
