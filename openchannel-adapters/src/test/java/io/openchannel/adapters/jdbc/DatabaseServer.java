package io.openchannel.adapters.jdbc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that needs a database server: before its first test the server is probed,
 * and the class is skipped with a clear message when the server is absent, or fails when the
 * environment says {@code CI=true} (see {@link TestDatabase#require}). H2 needs no server and
 * always passes the check. jqwik containers inside such a class add
 * {@code @AddLifecycleHook(DatabaseServer.JqwikCheck.class)}: jqwik runs no JUnit extensions.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DatabaseServer.Check.class)
@interface DatabaseServer {
  /** The engine the class needs. */
  TestDatabase.Engine value();

  /** The extension behind the annotation. */
  final class Check implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      DatabaseServer server = context.getRequiredTestClass().getAnnotation(DatabaseServer.class);
      if (server != null) {
        TestDatabase.require(server.value());
      }
    }
  }

  /** The same check for jqwik: skips when the server is absent, except under {@code CI=true}. */
  final class JqwikCheck implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      for (Class<?> c = context.optionalContainerClass().orElse(null); c != null;
          c = c.getEnclosingClass()) {
        DatabaseServer server = c.getAnnotation(DatabaseServer.class);
        if (server != null) {
          String absent = TestDatabase.absence(server.value());
          // Under CI=true the property runs and fails on its first store, loudly.
          return absent.isEmpty() || TestDatabase.onCi() ? SkipResult.doNotSkip()
              : SkipResult.skip(absent + "; skipped (CI=true would fail instead)");
        }
      }
      return SkipResult.doNotSkip();
    }
  }
}
