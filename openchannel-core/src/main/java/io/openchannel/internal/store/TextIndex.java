package io.openchannel.internal.store;

import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactId;
import io.openchannel.internal.query.Searchable;
import io.openchannel.message.Message;
import io.openchannel.query.SearchText;
import java.util.BitSet;
import java.util.function.BiConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The free-text index of the in-memory store: for each word (as {@link SearchText} cuts text),
 * the rows whose messages hold it and the contacts whose names, fields or identities hold it.
 * A query word is a prefix, so words are kept sorted and a lookup unions one range of them.
 * Message words are only ever added (messages are never deleted and the engine never changes
 * their text); a row whose message text did change is flagged so the query checks it by hand.
 * Guarded by the store's lock.
 */
final class TextIndex {
  private final WordMap<SortedRows> messageWords = new WordMap<>();
  /**
   * Word to contacts, by number: appending an int is much cheaper than adding to a hash set of
   * the 100,000 contacts named Mia, and contacts' words rarely change.
   */
  private final WordMap<IntList> contactWords = new WordMap<>();
  private final RowNumbers contactNumbers = new RowNumbers();
  private final List<ContactId> contactsByNumber = new ArrayList<>();
  /** Rows with a message whose text changed: the index may hold words they no longer have. */
  private final BitSet changedText = new BitSet();

  void message(Message old, Message now, int row) {
    if (old != null) {
      if (Searchable.texts(old).equals(Searchable.texts(now))) {
        return; // a delivery status change: nothing to index
      }
      changedText.set(row);
    }
    Searchable.forEachText(now, text -> SearchText.forEachWord(text,
        word -> messageWords.getOrAdd(word, SortedRows::new).add(row)));
  }

  void contact(Contact old, Contact now) {
    if (old == null) { // a new contact: nothing to take back
      int number = contactsByNumber.size();
      contactsByNumber.add(now.id());
      contactNumbers.put(now.id(), number);
      for (String text : Searchable.texts(now)) {
        SearchText.forEachWord(text, w -> addContact(w, number));
      }
      return;
    }
    if (Searchable.texts(old).equals(Searchable.texts(now))) {
      return; // an identity's account or a field name changed, not a searchable text
    }
    int number = contactNumbers.get(now.id());
    Set<String> before = words(old);
    Set<String> after = words(now);
    for (String w : before) {
      if (!after.contains(w)) {
        IntList numbers = contactWords.get(w);
        numbers.remove(number); // linear, but names change rarely
        if (numbers.isEmpty()) {
          contactWords.remove(w);
        }
      }
    }
    for (String w : after) {
      if (!before.contains(w)) {
        addContact(w, number);
      }
    }
  }

  private void addContact(String word, int number) {
    contactWords.getOrAdd(word, IntList::new).addIfNotLast(number);
  }

  /**
   * The rows where some word starts with {@code prefix}: those of the messages, and those that
   * {@code rowsOfContact} gives for each contact with such a word.
   */
  BitSet rowsWithWordStarting(String prefix, BiConsumer<ContactId, BitSet> rowsOfContact) {
    BitSet rows = new BitSet();
    messageWords.forEachStartingWith(prefix, list -> list.setAll(rows));
    BitSet contacts = new BitSet();
    contactWords.forEachStartingWith(prefix, numbers -> numbers.setAll(contacts));
    for (int n = contacts.nextSetBit(0); n >= 0; n = contacts.nextSetBit(n + 1)) {
      rowsOfContact.accept(contactsByNumber.get(n), rows);
    }
    return rows;
  }

  /** Rows whose candidacy the index cannot vouch for; the query checks them against the text. */
  BitSet changedText() {
    return changedText;
  }

  private static Set<String> words(Contact contact) {
    Set<String> words = new LinkedHashSet<>();
    for (String text : Searchable.texts(contact)) {
      words.addAll(SearchText.words(text));
    }
    return words;
  }
}
