package io.openchannel.internal.engine;

import io.openchannel.account.Account;
import io.openchannel.contact.Contact;
import io.openchannel.contact.ContactFields;
import io.openchannel.routing.Agent;
import java.util.HashMap;
import java.util.Map;

/** The values of {@link io.openchannel.message.CannedAnswer#VARIABLES} for one reply. */
final class TemplateValues {
  private TemplateValues() {}

  static Map<String, String> of(Contact contact, Agent agent, Account account) {
    Map<String, String> values = new HashMap<>();
    contact.firstName().ifPresent(v -> values.put("contact.first_name", v));
    contact.lastName().ifPresent(v -> values.put("contact.last_name", v));
    values.put("contact.name", contact.displayName());
    contact.field(ContactFields.EMAIL).ifPresent(v -> values.put("contact.email", v));
    contact.field(ContactFields.PHONE).ifPresent(v -> values.put("contact.phone", v));
    values.put("agent.name", agent.name());
    values.put("account.name", account.name());
    return values;
  }
}
