package io.openchannel.adapters.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openchannel.InvalidInputException;
import io.openchannel.account.Account;
import io.openchannel.adapters.internal.meta.FakeGraph;
import io.openchannel.spi.channel.ChannelConnector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Real payloads with random parts replaced by values of the wrong type, missing or extra: every
 * connector either parses them or refuses them with {@link InvalidInputException}, never
 * another exception, so a strange delivery can never crash the host's endpoint.
 */
class MetaParsingProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FakeGraph FAKE = new FakeGraph(FacebookFixtures.PAGE_TOKEN);
  private static final FacebookConfig CONFIG = FacebookFixtures.config(FAKE);
  private static final List<String> FIXTURES = List.of("messenger-batch", "messenger-attachments",
      "messenger-minimal", "page-feed", "instagram");

  @AfterContainer
  static void stop() {
    FAKE.close();
  }

  @Property(tries = 300)
  void mutatedDeliveriesAreParsedOrRefusedAsInvalidInput(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 12) int mutations) throws Exception {
    Random random = new Random(seed);
    String fixture = FIXTURES.get(random.nextInt(FIXTURES.size()));
    JsonNode root = JSON.readTree(FacebookFixtures.json(fixture));
    for (int i = 0; i < mutations; i++) {
      mutate(root, random);
    }
    String body = JSON.writeValueAsString(root);
    List<Object[]> connectors = List.of(
        new Object[] {new MessengerConnector(CONFIG), FacebookFixtures.MESSENGER_ACCOUNT},
        new Object[] {new PageFeedConnector(CONFIG), FacebookFixtures.PAGE_ACCOUNT},
        new Object[] {new InstagramConnector(CONFIG), FacebookFixtures.IG_ACCOUNT});
    for (Object[] c : connectors) {
      try {
        ((ChannelConnector) c[0]).handle(FacebookFixtures.signed(body), (Account) c[1]);
      } catch (InvalidInputException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  /** Replaces, removes or adds one value somewhere in the tree. */
  private static void mutate(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    JsonNode value = randomValue(random);
    if (target instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      if (names.isEmpty() || random.nextInt(4) == 0) {
        object.set(List.of("id", "mid", "text", "sender", "attachments", "watermark", "verb", "from",
            "message", "timestamp", "payload", "x").get(random.nextInt(12)), value);
      } else if (random.nextInt(3) == 0) {
        object.remove(names.get(random.nextInt(names.size())));
      } else {
        object.set(names.get(random.nextInt(names.size())), value);
      }
    } else if (target instanceof ArrayNode array) {
      if (array.isEmpty() || random.nextBoolean()) {
        array.add(value);
      } else {
        array.set(random.nextInt(array.size()), value);
      }
    }
  }

  private static void collect(JsonNode node, List<JsonNode> into) {
    if (node.isContainerNode()) {
      into.add(node);
      node.forEach(child -> collect(child, into));
    }
  }

  private static JsonNode randomValue(Random random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (random.nextInt(9)) {
      case 0 -> f.nullNode();
      case 1 -> f.numberNode(random.nextLong());
      case 2 -> f.numberNode(new java.math.BigInteger(130, random));
      case 3 -> f.textNode("");
      case 4 -> f.textNode("\u0000\u202e𝔘" + random.nextInt());
      case 5 -> f.booleanNode(random.nextBoolean());
      case 6 -> f.arrayNode().add(random.nextInt());
      case 7 -> f.objectNode().put("url", "not a url " + random.nextInt());
      default -> f.numberNode(random.nextDouble() * 1e20);
    };
  }
}
