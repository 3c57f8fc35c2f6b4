package io.openchannel.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CannedAnswerTest {
  @Test
  void variablesAreReplacedAndMissingValuesRenderEmpty() {
    CannedAnswer a = CannedAnswer.of("hi", "Hi", "Hi {{contact.first_name}}, {{ agent.name }} here{{contact.email}}.");

    assertThat(a.render(Map.of("contact.first_name", "Mia", "agent.name", "Ann")))
        .isEqualTo("Hi Mia, Ann here.");
  }

  @Test
  void valuesWithDollarsAndBackslashesAreInsertedLiterally() {
    CannedAnswer a = CannedAnswer.of("x", "X", "{{contact.name}}");

    assertThat(a.render(Map.of("contact.name", "$1 \\ Bob"))).isEqualTo("$1 \\ Bob");
  }

  @Test
  void anUnknownVariableIsRefusedListingTheKnownOnes() {
    assertThatThrownBy(() -> CannedAnswer.of("x", "X", "Hello {{contact.nickname}}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("{{contact.nickname}}")
        .hasMessageContaining(String.join(", ", CannedAnswer.VARIABLES));
  }

  @Test
  void unbalancedBracesAreRefused() {
    assertThatThrownBy(() -> CannedAnswer.of("x", "X", "Hello {{contact.name"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("unbalanced");
    assertThatThrownBy(() -> CannedAnswer.of("x", "X", " "))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("blank");
  }

  @Test
  void variablesAreListedInOrder() {
    assertThat(CannedAnswer.variables("{{agent.name}} {{contact.name}}"))
        .containsExactly("agent.name", "contact.name");
  }
}
