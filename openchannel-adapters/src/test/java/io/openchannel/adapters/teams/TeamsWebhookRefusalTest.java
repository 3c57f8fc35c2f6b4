package io.openchannel.adapters.teams;

import static io.openchannel.adapters.teams.TeamsFixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.account.Account;
import io.openchannel.account.AccountId;
import io.openchannel.account.AccountSettings;
import io.openchannel.account.ChannelType;
import io.openchannel.spi.channel.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Authenticated but unusable requests are refused cleanly, as InvalidInputException. */
class TeamsWebhookRefusalTest {
  private final FakeBotFramework fake = new FakeBotFramework();
  private final TeamsConnector connector = new TeamsConnector(
      TeamsFixtures.config(fake, TeamsFixtures.clock()).http(h -> h.maxWebhookBytes(4096)).build());

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void malformedJsonIsInvalidInput() {
    invalid(TeamsFixtures.post("{\"type\":\"message\",", token()), "not valid JSON");
  }

  @Test
  void aJsonArrayIsInvalidInput() {
    invalid(TeamsFixtures.post("[1,2]", token()), "JSON object");
  }

  @Test
  void aWrongContentTypeIsInvalidInput() {
    WebhookRequest form = new WebhookRequest("POST", "/t", Map.of(),
        Map.of("Authorization", List.of("Bearer " + token()), "Content-Type", List.of("text/plain")),
        TeamsFixtures.json("personal-text", fake).getBytes(StandardCharsets.UTF_8));
    invalid(form, "application/json");
  }

  @Test
  void anOversizedBodyIsInvalidInput() {
    String big = TeamsFixtures.json("personal-text", fake).replace("\"locale\": \"en-US\",",
        "\"locale\": \"en-US\", \"padding\": \"" + "x".repeat(5000) + "\",");
    invalid(TeamsFixtures.post(big, token()), "at most 4096");
  }

  @Test
  void aGetIsInvalidInput() {
    WebhookRequest get = new WebhookRequest("GET", "/t", Map.of(),
        Map.of("Authorization", List.of("Bearer " + token())), new byte[0]);
    invalid(get, "by POST");
  }

  @Test
  void anActivityWithoutConversationIsInvalidInput() {
    invalid(TeamsFixtures.post("{\"type\":\"message\",\"serviceUrl\":\"" + fake.serviceUrl() + "\"}", token()),
        "conversation.id");
  }

  @Test
  void aMessageWithoutSenderIsInvalidInput() {
    invalid(TeamsFixtures.post(TeamsFixtures.json("minimal", fake)
        .replace("\"from\": {\"id\": \"29:1kYw3V8Xn2lH7bPzQ4dE6fGhJ0sT5uA9cR1mN8vB2xK4\"},", ""), token()),
        "from.id");
  }

  @Test
  void aFileOnAPlainHttpHostIsInvalidInput() {
    String json = TeamsFixtures.json("file", fake).replace(fake.baseUrl() + "/files/", "http://files.example/");
    invalid(TeamsFixtures.post(json, token()), "https");
  }

  @Test
  void anAccountWithoutBotIsInvalidInput() {
    Account other = Account.of(AccountId.of("teams-other"), ChannelType.TEAMS, "Other",
        AccountSettings.builder().build());
    assertThatThrownBy(() -> connector.handle(TeamsFixtures.activity("personal-text", fake), other))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no Teams bot");
  }

  private String token() {
    return TeamsFixtures.sign(TeamsFixtures.claims(fake.serviceUrl()).build(), TeamsFixtures.KEY);
  }

  private void invalid(WebhookRequest request, String why) {
    assertThatThrownBy(() -> connector.handle(request, ACCOUNT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(why);
  }
}
