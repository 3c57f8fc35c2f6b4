package io.openchannel.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.tck.StoreContract;
import java.util.Arrays;
import java.util.List;

/** Checks that a test class runs every suite of the {@link StoreContract} kit. */
final class KitCoverage {
  private KitCoverage() {}

  static void assertCovered(Class<?> testClass) {
    List<Class<?>> extended = Arrays.stream(testClass.getDeclaredClasses())
        .<Class<?>>map(Class::getSuperclass).toList();
    assertThat(extended).as("suites %s extends", testClass.getSimpleName())
        .containsAll(StoreContract.SUITES);
  }
}
