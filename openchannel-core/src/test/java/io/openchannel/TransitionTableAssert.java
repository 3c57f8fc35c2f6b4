package io.openchannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;

/** Checks a state enum's transition table against one written out independently in a test. */
public final class TransitionTableAssert {
  private TransitionTableAssert() {}

  /**
   * Every move from {@code from} is allowed exactly when {@code allowed} says so: {@code canMoveTo}
   * agrees, an allowed {@code moveTo} returns the target, a refused one throws
   * {@link IllegalTransitionException} naming both states.
   */
  public static <E extends Enum<E>> void assertFollows(E from, Map<E, Set<E>> allowed,
      BiPredicate<E, E> canMoveTo, BinaryOperator<E> moveTo) {
    for (E to : from.getDeclaringClass().getEnumConstants()) {
      boolean ok = allowed.get(from).contains(to);
      assertThat(canMoveTo.test(from, to)).as(from + " -> " + to).isEqualTo(ok);
      if (ok) {
        assertThat(moveTo.apply(from, to)).isEqualTo(to);
      } else {
        assertThatThrownBy(() -> moveTo.apply(from, to))
            .isInstanceOf(IllegalTransitionException.class)
            .hasMessageContaining(from + " to " + to);
      }
    }
  }
}
