package io.openchannel.adapters.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openchannel.routing.AgentId;
import io.openchannel.routing.Queue;
import io.openchannel.routing.QueueId;
import io.openchannel.routing.QueueMember;
import io.openchannel.routing.RoutingStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A queue's settings as the JSON of {@code oc_route_queue.body}, written field by field (like
 * {@link JsonColumns}) so that renaming a record component cannot change what is stored. The
 * version lives in its own column.
 */
final class QueueJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private QueueJson() {}

  static String write(Queue q) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("name", q.name());
    o.put("strategy", q.strategy().name());
    var members = o.putArray("members");
    for (QueueMember m : q.members()) {
      members.addObject().put("agent", m.agent().value()).put("penalty", m.penalty());
    }
    o.put("offerTimeoutNanos", q.offerTimeout().toNanos());
    o.put("priority", q.priority());
    q.maxWait().ifPresent(w -> o.put("maxWaitNanos", w.toNanos()));
    q.overflow().ifPresent(f -> o.put("overflow", f.value()));
    var skills = o.putArray("requiredSkills");
    q.requiredSkills().forEach(skills::add);
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the JSON of queue " + q.id(), e);
    }
  }

  static Queue read(String id, long version, String json) {
    JsonNode o;
    try {
      o = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new JdbcStoreException("queue " + id + " is stored as something that is not JSON ("
          + e.getOriginalMessage() + "); was the row written by hand?", e);
    }
    List<QueueMember> members = new ArrayList<>();
    o.path("members").forEach(m -> members.add(
        new QueueMember(AgentId.of(m.path("agent").asText()), m.path("penalty").asInt())));
    Set<String> skills = new LinkedHashSet<>();
    o.path("requiredSkills").forEach(s -> skills.add(s.asText()));
    Optional<Duration> maxWait = o.has("maxWaitNanos")
        ? Optional.of(Duration.ofNanos(o.get("maxWaitNanos").asLong())) : Optional.empty();
    Optional<QueueId> overflow = o.has("overflow")
        ? Optional.of(QueueId.of(o.get("overflow").asText())) : Optional.empty();
    return new Queue(QueueId.of(id), o.path("name").asText(),
        RoutingStrategy.valueOf(o.path("strategy").asText()), members,
        Duration.ofNanos(o.path("offerTimeoutNanos").asLong()), o.path("priority").asInt(),
        maxWait, overflow, skills, version);
  }
}
