package io.openchannel.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.IllegalTransitionException;
import org.junit.jupiter.api.Test;

class InteractionStatusTest {
  @Test
  void anOpenInteractionClosesAndAClosedOneStaysClosed() {
    assertThat(InteractionStatus.OPEN.canMoveTo(InteractionStatus.CLOSED)).isTrue();
    assertThat(InteractionStatus.OPEN.canMoveTo(InteractionStatus.OPEN)).isFalse();
    assertThat(InteractionStatus.CLOSED.canMoveTo(InteractionStatus.OPEN)).isFalse();
    assertThat(InteractionStatus.CLOSED.canMoveTo(InteractionStatus.CLOSED)).isFalse();
    assertThatThrownBy(() -> InteractionStatus.CLOSED.moveTo(InteractionStatus.OPEN))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("opens a new one");
  }
}
