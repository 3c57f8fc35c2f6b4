package io.openchannel.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.tck.StoreContract;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Checks that a test class runs every suite of the {@link StoreContract} kit. */
final class KitCoverage {
  private KitCoverage() {}

  /** Counts the suites declared in {@code testClass} and in the classes it extends. */
  static void assertCovered(Class<?> testClass) {
    List<Class<?>> extended = new ArrayList<>();
    for (Class<?> c = testClass; c != null; c = c.getSuperclass()) {
      Arrays.stream(c.getDeclaredClasses()).map(Class::getSuperclass).forEach(extended::add);
    }
    assertThat(extended).as("suites %s extends", testClass.getSimpleName())
        .containsAll(StoreContract.SUITES);
  }
}
