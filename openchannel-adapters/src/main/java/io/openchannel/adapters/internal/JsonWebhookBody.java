package io.openchannel.adapters.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openchannel.InvalidInputException;
import io.openchannel.spi.channel.WebhookRequest;
import java.io.IOException;
import java.util.Locale;

/**
 * The envelope checks and strict JSON reading every platform webhook shares: an
 * {@code application/json} body within the configured size, one JSON object with no trailing
 * tokens and no duplicate keys (a body two parsers could read differently is refused).
 */
public final class JsonWebhookBody {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private JsonWebhookBody() {}

  /**
   * Checks the content type and size, then reads the body as one JSON object.
   *
   * @param what names the body in messages, e.g. {@code "the Telegram update"}
   * @param sizeSetting where the limit is configured, for the message
   * @throws InvalidInputException naming what is wrong
   */
  public static JsonNode readObject(WebhookRequest request, int maxBytes, String what,
      String sizeSetting) {
    String type = request.header("Content-Type").orElse("");
    if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new InvalidInputException(what + " must be application/json, got Content-Type \""
          + abbreviate(type) + "\"");
    }
    byte[] body = request.body();
    if (body.length > maxBytes) {
      throw new InvalidInputException(what + " is " + body.length + " bytes; at most " + maxBytes
          + " are accepted (" + sizeSetting + ")");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new InvalidInputException(what + " is not valid JSON: "
          + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(what + " must be a JSON object");
    }
    return root;
  }

  private static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "…";
  }
}
