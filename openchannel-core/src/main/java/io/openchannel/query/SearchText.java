package io.openchannel.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How search compares text (S18), in one place so that every store gives the same answers.
 *
 * <p><b>Normalising</b> ({@link #normalize}): Unicode case is folded (upper then lower case in
 * the root locale, so {@code ß} matches {@code SS}; the final sigma {@code ς} folds to {@code σ}),
 * then Unicode NFKD (compatibility forms such
 * as full-width letters and ligatures become plain letters), then every combining mark is removed
 * (accents, Arabic harakat, the emoji variation selector). {@code "Müller"}, {@code "MULLER"}
 * and {@code "muller"} all normalise to {@code "muller"}.
 *
 * <p><b>Words</b> ({@link #words}): the normalised text is cut into words:
 * <ul>
 *   <li>a run of letters and digits of a script written with spaces (Latin, Cyrillic, Greek,
 *       Arabic, Hebrew, Hangul, ...) is one word;
 *   <li>a run of characters of a script written without spaces (Han, Hiragana, Katakana, Thai,
 *       Lao, Khmer, Myanmar) gives one word per character: that character and the next one of
 *       the run (overlapping bigrams), the run's last character alone; {@code "东京都"} gives
 *       {@code "东京"}, {@code "京都"}, {@code "都"};
 *   <li>each other symbol (emoji, currency signs) is a word of its own;
 *   <li>everything else (spaces, punctuation, joiners) separates words.
 * </ul>
 *
 * <p><b>Matching</b>: the query text is cut into words the same way, except that a run of a
 * script without spaces gives its bigrams only (a single character gives itself). An interaction
 * matches when <em>every</em> query word is the start (a prefix) of some word of its searchable
 * text: {@code "ord"} finds {@code "order"}, {@code "rder"} does not; {@code "东京"} finds
 * {@code "东京都"}. Words may come from different places, in any order. The searchable text is
 * the text of its messages (internal notes included, auto-replies not: they are the same
 * everywhere) and attachment file names, and its contact's first and last name, field values
 * and channel identities' external ids.
 *
 * <p>Pure functions; thread-safe.
 */
public final class SearchText {
  private SearchText() {}

  /** Case folded, NFKD, combining marks removed (see the class comment). */
  public static String normalize(String text) {
    if (isPlainAscii(text)) { // the common case skips the normaliser: ASCII has no marks
      return text.toLowerCase(Locale.ROOT);
    }
    // Folding and decomposing feed each other (the capital sharp s folds to ß, which folds to
    // ss only on a second pass; the dotted capital I lowers to i plus a mark), so repeat until
    // nothing changes: the result is then stable, and normalising it again changes nothing.
    String current = text;
    for (int round = 0; round < 4; round++) {
      String next = round(current);
      if (next.equals(current)) {
        break;
      }
      current = next;
    }
    return current;
  }

  private static String round(String text) {
    // Lower-casing picks the Greek final sigma by context (a capital sigma before an apostrophe
    // and a letter stays σ, the same letters cut into a word end in ς), so a word would not find
    // itself: fold it to σ, as Unicode case folding does.
    String folded = text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT).replace('ς', 'σ');
    String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFKD);
    StringBuilder sb = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
          && type != Character.COMBINING_SPACING_MARK) {
        sb.appendCodePoint(cp);
      }
    }
    return sb.toString();
  }

  /** The words of {@code text} as the index keeps them (normalised first). */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    cut(normalize(text), false, words::add);
    return words;
  }

  /** Hands each word of {@code text} to {@code sink}, as {@link #words} lists them, without a list. */
  public static void forEachWord(String text, Consumer<String> sink) {
    cut(normalize(text), false, sink);
  }

  /**
   * The words a query must find (normalised first); empty when the text has none (only spaces
   * or punctuation).
   */
  public static List<String> queryWords(String text) {
    List<String> words = new ArrayList<>();
    cut(normalize(text), true, words::add);
    return words;
  }

  /** Whether every query word is a prefix of one of {@code words}: the matching rule above. */
  public static boolean matches(List<String> queryWords, List<String> words) {
    for (String q : queryWords) {
      boolean found = false;
      for (String w : words) {
        if (w.startsWith(q)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static void cut(String s, boolean query, Consumer<String> out) {
    int i = 0;
    int n = s.length();
    while (i < n) {
      int cp = s.codePointAt(i);
      if (isSpaceless(cp)) {
        int end = i;
        while (end < n && isSpaceless(s.codePointAt(end))) {
          end += Character.charCount(s.codePointAt(end));
        }
        bigrams(s.substring(i, end), query, out);
        i = end;
      } else if (Character.isLetterOrDigit(cp)) {
        int end = i;
        while (end < n) {
          int c = s.codePointAt(end);
          if (!Character.isLetterOrDigit(c) || isSpaceless(c)) {
            break;
          }
          end += Character.charCount(c);
        }
        out.accept(s.substring(i, end));
        i = end;
      } else {
        if (isSymbol(cp)) {
          out.accept(new String(Character.toChars(cp)));
        }
        i += Character.charCount(cp);
      }
    }
  }

  private static void bigrams(String run, boolean query, Consumer<String> out) {
    int count = run.codePointCount(0, run.length());
    for (int k = 0, at = 0; k < count; k++) {
      int next = run.offsetByCodePoints(at, 1);
      if (k + 1 < count) {
        out.accept(run.substring(at, run.offsetByCodePoints(next, 1)));
      } else if (!query || count == 1) {
        out.accept(run.substring(at)); // the last one alone, so a one-character query finds it
      }
      at = next;
    }
  }

  private static boolean isSpaceless(int cp) {
    if (cp < 0x0E00) { // below Thai: Latin, Cyrillic, Arabic... skip the script table's search
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return switch (script) {
      case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> Character.isLetterOrDigit(cp);
      default -> false;
    };
  }

  private static boolean isSymbol(int cp) {
    int type = Character.getType(cp);
    return type == Character.OTHER_SYMBOL || type == Character.CURRENCY_SYMBOL
        || type == Character.MATH_SYMBOL || type == Character.MODIFIER_SYMBOL;
  }

  private static boolean isPlainAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
