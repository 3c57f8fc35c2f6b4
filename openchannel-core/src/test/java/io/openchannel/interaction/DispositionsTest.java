package io.openchannel.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DispositionsTest {
  private final Dispositions list = Dispositions.of(
      Disposition.of("sales", "Sales"),
      Disposition.of("won", "Won", "sales"),
      Disposition.of("won-big", "Big deal", "won"),
      Disposition.of("spam", "Spam"));

  @Test
  void aNestedDispositionHasItsFullPath() {
    assertThat(list.path(DispositionId.of("won-big"))).isEqualTo("Sales / Won / Big deal");
    assertThat(list.path(DispositionId.of("spam"))).isEqualTo("Spam");
  }

  @Test
  void childrenAreListedInConfiguredOrder() {
    assertThat(list.children(Optional.empty())).extracting(Disposition::name).containsExactly("Sales", "Spam");
    assertThat(list.children(Optional.of(DispositionId.of("sales")))).extracting(Disposition::name)
        .containsExactly("Won");
  }

  @Test
  void anUnknownDispositionNamesTheValidOnes() {
    assertThatThrownBy(() -> list.require(DispositionId.of("nope")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("sales, won, won-big, spam");
    assertThatThrownBy(() -> Dispositions.none().require(DispositionId.of("x")))
        .hasMessageContaining("none configured");
  }

  @Test
  void brokenListsAreRefusedWhenBuilt() {
    assertThatThrownBy(() -> Dispositions.of(Disposition.of("a", "A"), Disposition.of("a", "B")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> Dispositions.of(Disposition.of("a", "A", "ghost")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("ghost");
    assertThatThrownBy(() -> Dispositions.of(Disposition.of("a", "A", "b"), Disposition.of("b", "B", "a")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cycle");
    assertThatThrownBy(() -> Disposition.of("a", "A", "a"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("own parent");
  }
}
