package io.openchannel.internal.query;

import io.openchannel.contact.ChannelIdentity;
import io.openchannel.contact.Contact;
import io.openchannel.message.Message;
import io.openchannel.query.SearchText;
import java.util.ArrayList;
import java.util.List;

/** What free-text search looks at, as {@link SearchText} defines it; shared by the stores. */
public final class Searchable {
  private Searchable() {}

  /** The texts of a contact that search looks at: names, field values, external ids. */
  public static List<String> texts(Contact contact) {
    List<String> texts = new ArrayList<>();
    contact.firstName().ifPresent(texts::add);
    contact.lastName().ifPresent(texts::add);
    texts.addAll(contact.fields().values());
    for (ChannelIdentity identity : contact.identities()) {
      texts.add(identity.externalId());
    }
    return texts;
  }

  /** Whether search looks at the message at all: auto-replies are the same everywhere. */
  public static boolean counts(Message message) {
    return !message.autoReply();
  }

  /** The texts of a message search looks at: its text and attachment file name. */
  public static List<String> texts(Message message) {
    if (!counts(message)) {
      return List.of();
    }
    List<String> texts = new ArrayList<>(2);
    if (!message.text().isEmpty()) {
      texts.add(message.text());
    }
    message.attachment().ifPresent(a -> texts.add(a.fileName()));
    return texts;
  }

  /** Hands each text of the message that search looks at to {@code sink}, without a list. */
  public static void forEachText(Message message, java.util.function.Consumer<String> sink) {
    if (!counts(message)) {
      return;
    }
    if (!message.text().isEmpty()) {
      sink.accept(message.text());
    }
    message.attachment().ifPresent(a -> sink.accept(a.fileName()));
  }

  /** Every word of the contact and the messages, as the index keeps them. */
  public static List<String> words(Contact contact, List<Message> messages) {
    List<String> words = new ArrayList<>();
    texts(contact).forEach(t -> words.addAll(SearchText.words(t)));
    for (Message m : messages) {
      texts(m).forEach(t -> words.addAll(SearchText.words(t)));
    }
    return words;
  }

  /** The contact's name for advanced search: first and last joined by a space, or null. */
  public static String contactName(Contact contact) {
    String joined = (contact.firstName().orElse("") + " " + contact.lastName().orElse("")).strip();
    return joined.isEmpty() ? null : joined;
  }
}
