package io.openchannel.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.openchannel.InvalidInputException;
import io.openchannel.internal.util.Checks;

/**
 * The JSON form of events, for hosts that push them to browsers or queues. Times are ISO-8601
 * strings, ids plain strings, absent optionals {@code null}; the {@code type} property names the
 * event record. Thread-safe.
 */
public final class EventJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private EventJson() {}

  /** The event as a JSON object. */
  public static String toJson(OpenChannelEvent event) {
    Checks.notNull(event, "event");
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + event.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads an event written by {@link #toJson}; unknown properties are ignored so that newer
   * writers stay readable.
   *
   * @throws InvalidInputException if the text is not such an event
   */
  public static OpenChannelEvent fromJson(String json) {
    Checks.notNull(json, "json");
    OpenChannelEvent event;
    try {
      event = MAPPER.readValue(json, OpenChannelEvent.class);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("not an openchannel event: " + e.getOriginalMessage(), e);
    }
    if (event == null) {
      throw new InvalidInputException("not an openchannel event: the JSON is null;"
          + " expected an object with a \"type\" property");
    }
    return event;
  }
}
