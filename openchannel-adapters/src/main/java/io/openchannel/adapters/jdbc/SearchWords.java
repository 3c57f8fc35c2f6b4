package io.openchannel.adapters.jdbc;

import io.openchannel.query.SearchText;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The distinct search words of some texts, as {@code oc_contact_word} and {@code oc_message_word}
 * keep them: normalised by {@link SearchText} and cut at {@value #MAX} characters (the column's
 * width; a query word is cut the same way, so only words longer than that could match wrongly).
 */
final class SearchWords {
  static final int MAX = 255;

  private SearchWords() {}

  static Set<String> of(List<String> texts) {
    Set<String> words = new LinkedHashSet<>();
    for (String text : texts) {
      for (String word : SearchText.words(text)) {
        words.add(Sql.prefix(word, MAX));
      }
    }
    return words;
  }

  /** A LIKE pattern matching the words that start with {@code word}; escape character {@code !}. */
  static String prefixPattern(String word) {
    return escape(Sql.prefix(word, MAX)) + "%";
  }

  /** {@code text} with LIKE's wildcards and the escape character escaped by {@code !}. */
  static String escape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
