package io.openchannel.adapters.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Records the SQL of every prepared statement executed through the data sources it wraps (a batch
 * counts once), so a test can pin how many round trips a call costs. Statements the store caches
 * and runs again are counted at each run.
 */
final class StatementLog {
  private final List<String> executed = new ArrayList<>();

  /** {@code target}, with every statement run on its connections recorded here. */
  DataSource wrap(DataSource target) {
    return proxy(DataSource.class, target, (m, result, args) ->
        m.getName().equals("getConnection") ? connection((Connection) result) : result);
  }

  synchronized void clear() {
    executed.clear();
  }

  synchronized List<String> executed() {
    return List.copyOf(executed);
  }

  /** How many executed statements contain {@code fragment}, ignoring case. */
  synchronized long count(String fragment) {
    String f = fragment.toLowerCase(Locale.ROOT);
    return executed.stream().filter(sql -> sql.toLowerCase(Locale.ROOT).contains(f)).count();
  }

  private Connection connection(Connection target) {
    return proxy(Connection.class, target, (m, result, args) ->
        m.getName().equals("prepareStatement")
            ? statement((PreparedStatement) result, (String) args[0]) : result);
  }

  private PreparedStatement statement(PreparedStatement target, String sql) {
    return proxy(PreparedStatement.class, target, (m, result, args) -> result, m -> {
      if (m.getName().startsWith("execute") && (m.getParameterCount() == 0)) {
        synchronized (this) {
          executed.add(sql);
        }
      }
    });
  }

  private interface After {
    Object apply(Method m, Object result, Object[] args);
  }

  private interface Before {
    void accept(Method m);
  }

  private static <T> T proxy(Class<T> type, T target, After after) {
    return proxy(type, target, after, m -> {});
  }

  private static <T> T proxy(Class<T> type, T target, After after, Before before) {
    InvocationHandler handler = (self, m, args) -> {
      before.accept(m);
      try {
        return after.apply(m, m.invoke(target, args), args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return type.cast(Proxy.newProxyInstance(StatementLog.class.getClassLoader(),
        new Class<?>[] {type}, handler));
  }
}
