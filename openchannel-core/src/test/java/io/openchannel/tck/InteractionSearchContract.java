package io.openchannel.tck;

import static io.openchannel.tck.StoreFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.account.Account;
import io.openchannel.contact.Contact;
import io.openchannel.interaction.Interaction;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.message.Direction;
import io.openchannel.query.AdvancedSearch;
import io.openchannel.query.Criterion;
import io.openchannel.query.InteractionQuery;
import io.openchannel.query.Operator;
import io.openchannel.query.SearchField;
import io.openchannel.routing.AgentId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Free-text and advanced search ({@code InteractionRepository.query}, S18): words are found as
 * {@link io.openchannel.query.SearchText} says (case and accents ignored, any script, word
 * prefixes, CJK bigrams, emoji), in message texts, file names and the contact's names, fields
 * and identities, never in auto-replies; advanced criteria hold as their operators say, joined by
 * AND or OR.
 */
public abstract class InteractionSearchContract extends QueryContractSupport {
  private Account account;

  @BeforeEach
  void anAccount() {
    account = givenAccount();
  }

  private Interaction saying(String text) {
    Interaction i = given(account, at(1), plain());
    givenText(i, text);
    return i;
  }

  private long hits(String search) {
    return query(InteractionQuery.builder().text(search).build()).total();
  }

  private static InteractionQuery where(Criterion... criteria) {
    return InteractionQuery.builder().advanced(AdvancedSearch.all(criteria)).build();
  }

  @ParameterizedTest(name = "\"{1}\" finds \"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "Where is my ORDER?      | order",
      "Where is my order?      | ORD",
      "Grüße aus München       | grusse munchen",
      "Crème brûlée            | CREME BRULEE",
      "Привет, где мой заказ?  | ЗАКАЗ",
      "Ёлка                    | елка",
      "مَرْحَبًا بِكُمْ              | مرحبا",
      "我想去东京都看看         | 东京",
      "我想去东京都看看         | 京都",
      "我想去东京都看看         | 看",
      "ｆｕｌｌ ｗｉｄｔｈ        | full",
      "My parcel 📦 is late      | 📦",
      "Ciao 👋🏽                  | 👋",
      "order #A-1234            | a 1234",
  })
  void wordsAreFoundWhateverTheirCaseAccentsAndScript(String text, String search) {
    saying(text);

    assertThat(hits(search)).isEqualTo(1);
  }

  @ParameterizedTest(name = "\"{1}\" does not find \"{0}\"")
  @CsvSource(delimiter = '|', value = {
      "Where is my order?  | rder",
      "Where is my order?  | orders",
      "我想去东京都看看     | 京东",
      "Привет               | привед",
      "My parcel 📦 is late  | 🚚",
  })
  void onlyWordStartsAreFound(String text, String search) {
    saying(text);

    assertThat(hits(search)).isZero();
  }

  @Test
  void everyWordMustBeFoundSomewhere() {
    Contact mia = givenContact("Mia", "Rossi", Map.of());
    Interaction both = given(account, mia, at(1), plain());
    givenText(both, "my parcel is late");
    Interaction one = saying("parcel");

    assertThat(ids(InteractionQuery.builder().text("rossi parcel").build())).containsExactly(both.id());
    assertThat(hits("parcel")).isEqualTo(2);
    assertThat(one).isNotNull();
  }

  @Test
  void theContactsNamesFieldsAndIdentitiesAreSearched() {
    Contact contact = givenContact("Zoë", "Ödegaard", Map.of("email", "zoe@example.com",
        "phone", "+393331234567"), fixtures.identity(account));
    given(account, contact, at(1), plain());
    String externalId = contact.identities().iterator().next().externalId();

    assertThat(hits("zoe")).isEqualTo(1);
    assertThat(hits("odegaard")).isEqualTo(1);
    assertThat(hits("zoe example")).isEqualTo(1);
    assertThat(hits("393331")).isEqualTo(1);
    assertThat(hits(externalId)).isEqualTo(1);
  }

  @Test
  void notesAndFileNamesAreSearchedButAutoRepliesAreNot() {
    Interaction noted = given(account, at(1), plain());
    givenNote(noted, "VIP customer, handle with care");
    Interaction filed = given(account, at(2), plain());
    givenFile(filed, "invoice-2026.pdf");
    Interaction autoReplied = given(account, at(3), plain());
    givenAutoReply(autoReplied, "Thanks! An agent will be with you shortly.");

    assertThat(ids(InteractionQuery.builder().text("vip").build())).containsExactly(noted.id());
    assertThat(ids(InteractionQuery.builder().text("invoice").build())).containsExactly(filed.id());
    assertThat(hits("shortly")).isZero();
  }

  @Test
  void aMessageWhoseTextChangedIsFoundByItsNewTextOnly() {
    Interaction i = given(account, at(1), plain());
    io.openchannel.message.Message message = givenText(i, "first draft");
    inTransaction(tx -> tx.messages().update(new io.openchannel.message.Message(message.id(),
        message.interaction(), message.account(), message.direction(), message.kind(),
        "second thoughts", message.attachment(), message.author(), message.autoReply(),
        message.canned(), message.channelMessageId(), message.deliveryStatus(),
        message.failureReason(), message.template(), message.sendTerms(), message.createdAt(),
        message.version())));

    assertThat(hits("draft")).isZero();
    assertThat(hits("second")).isEqualTo(1);
  }

  @Test
  void aRenamedContactIsFoundByTheNewNameOnly() {
    Contact contact = givenContact("Olga", null, Map.of());
    given(account, contact, at(1), plain());
    inTransaction(tx -> tx.contacts().update(contact.withNames(
        java.util.Optional.of("Helga"), java.util.Optional.empty())));

    assertThat(hits("olga")).isZero();
    assertThat(hits("helga")).isEqualTo(1);
  }

  @Test
  void searchCombinesWithTheFiltersAndCountsOnlyHits() {
    Interaction open = saying("refund please");
    given(account, at(2), closed(at(3), null)).id();
    Interaction closed = given(account, at(4), closed(at(5), null));
    givenText(closed, "refund now");

    InteractionQuery query = InteractionQuery.builder().text("refund")
        .status(InteractionStatus.OPEN).build();

    assertThat(ids(query)).containsExactly(open.id());
    assertThat(query(query).total()).isEqualTo(1);
  }

  @Test
  void advancedEqualsAndNotEqualsTreatAnAbsentValueAsDifferent() {
    AgentId ann = givenAgent().id();
    Interaction annFirst = given(account, at(1), managedBy(ann));
    Interaction nobody = given(account, at(2), plain());

    assertThat(ids(where(Criterion.of(SearchField.AGENT, Operator.EQUALS, ann.value()))))
        .containsExactly(annFirst.id());
    assertThat(ids(where(Criterion.of(SearchField.AGENT, Operator.NOT_EQUALS, ann.value()))))
        .containsExactly(nobody.id());
    assertThat(ids(where(Criterion.of(SearchField.AGENT, Operator.ABSENT))))
        .containsExactly(nobody.id());
    assertThat(ids(where(Criterion.of(SearchField.AGENT, Operator.PRESENT))))
        .containsExactly(annFirst.id());
  }

  @Test
  void advancedTimesAreBeforeStrictlyAndAfterInclusively() {
    Interaction early = given(account, at(1), plain());
    Interaction late = given(account, at(2), plain());
    String two = at(2).toString();

    assertThat(ids(where(Criterion.of(SearchField.STARTED_AT, Operator.BEFORE, two))))
        .containsExactly(early.id());
    assertThat(ids(where(Criterion.of(SearchField.STARTED_AT, Operator.AFTER, two))))
        .containsExactly(late.id());
    assertThat(ids(where(Criterion.of(SearchField.CLOSED_AT, Operator.AFTER, at(0).toString()))))
        .isEmpty();
  }

  @Test
  void advancedClosedFieldsFindClosedInteractionsAndTheirDispositions() {
    Interaction won = given(account, at(1), closed(at(2), "won"));
    Interaction lost = given(account, at(3), closed(at(4), "lost"));
    Interaction undisposed = given(account, at(5), closed(at(6), null));
    Interaction open = given(account, at(7), plain());

    assertThat(ids(where(Criterion.of(SearchField.CLOSED_AT, Operator.PRESENT))))
        .containsExactly(undisposed.id(), lost.id(), won.id());
    assertThat(ids(where(Criterion.of(SearchField.DISPOSITION, Operator.IN, "won", "lost"))))
        .containsExactly(lost.id(), won.id());
    assertThat(ids(where(Criterion.of(SearchField.DISPOSITION, Operator.NOT_EQUALS, "won"))))
        .containsExactly(open.id(), undisposed.id(), lost.id());
  }

  @Test
  void advancedTagsAreHasHasNotAnyNoneAndSome() {
    Interaction vip = given(account, at(1), tagged("vip", "billing"));
    Interaction billing = given(account, at(2), tagged("billing"));
    Interaction none = given(account, at(3), plain());

    assertThat(ids(where(Criterion.of(SearchField.TAG, Operator.EQUALS, "vip"))))
        .containsExactly(vip.id());
    assertThat(ids(where(Criterion.of(SearchField.TAG, Operator.NOT_EQUALS, "vip"))))
        .containsExactly(none.id(), billing.id());
    assertThat(ids(where(Criterion.of(SearchField.TAG, Operator.IN, "vip", "billing"))))
        .containsExactly(billing.id(), vip.id());
    assertThat(ids(where(Criterion.of(SearchField.TAG, Operator.ABSENT)))).containsExactly(none.id());
    assertThat(ids(where(Criterion.of(SearchField.TAG, Operator.PRESENT))))
        .containsExactly(billing.id(), vip.id());
  }

  @Test
  void advancedTextComparesNormalisedSubstringsPrefixesAndWholeValues() {
    Contact zoe = givenContact("Zoë", "Müller", Map.of(), fixtures.identity(account));
    Interaction hers = given(account, zoe, at(1), plain());
    givenText(hers, "Où est ma commande ?");
    Interaction other = saying("nothing here");
    String externalId = zoe.identities().iterator().next().externalId();

    assertThat(ids(where(Criterion.of(SearchField.CONTACT_NAME, Operator.CONTAINS, "ZOE MUL"))))
        .containsExactly(hers.id());
    assertThat(ids(where(Criterion.of(SearchField.CONTACT_NAME, Operator.EQUALS, "zoe muller"))))
        .containsExactly(hers.id());
    assertThat(ids(where(Criterion.of(SearchField.MESSAGE_TEXT, Operator.CONTAINS, "ST MA COM"))))
        .containsExactly(hers.id());
    assertThat(ids(where(Criterion.of(SearchField.CONTACT_IDENTIFIER, Operator.STARTS_WITH,
        externalId.substring(0, externalId.length() - 2))))).containsExactly(hers.id());
    assertThat(ids(where(Criterion.of(SearchField.MESSAGE_TEXT, Operator.STARTS_WITH, "nothing"))))
        .containsExactly(other.id());
  }

  @Test
  void advancedCriteriaJoinWithAndOrOr() {
    Interaction vipOpen = given(account, at(1), tagged("vip"));
    Interaction vipClosed = given(account, at(2), i -> i.withTags(tags("vip"))
        .closed(at(3), java.util.Optional.empty()));
    Interaction plainClosed = given(account, at(4), closed(at(5), null));
    given(account, at(6), plain());
    Criterion isVip = Criterion.of("tag", "equals", "vip");
    Criterion isClosed = Criterion.of("status", "EQUALS", "closed");

    assertThat(ids(InteractionQuery.builder().advanced(AdvancedSearch.all(isVip, isClosed)).build()))
        .containsExactly(vipClosed.id());
    assertThat(ids(InteractionQuery.builder().advanced(AdvancedSearch.any(isVip, isClosed)).build()))
        .containsExactly(plainClosed.id(), vipClosed.id(), vipOpen.id());
  }

  @Test
  void advancedLastMessageFieldsLookAtTheViewsLastMessage() {
    Interaction answered = given(account, at(1), lastMessage(at(2), Direction.OUT));
    Interaction waiting = given(account, at(3), lastMessage(at(4), Direction.IN));
    Interaction silent = given(account, at(5), plain());

    assertThat(ids(where(Criterion.of(SearchField.LAST_MESSAGE_DIRECTION, Operator.EQUALS, "in"))))
        .containsExactly(waiting.id());
    assertThat(ids(where(Criterion.of(SearchField.LAST_MESSAGE_AT, Operator.ABSENT))))
        .containsExactly(silent.id());
    assertThat(ids(where(Criterion.of(SearchField.LAST_MESSAGE_AT, Operator.BEFORE,
        at(3).toString())))).containsExactly(answered.id());
  }

  @Test
  void advancedIdAndEnumFieldsCompareExactly() {
    Account other = givenAccount();
    AgentId ann = givenAgent().id();
    AgentId bob = givenAgent().id();
    Interaction readOwned = given(account, at(1), i -> i.withOwner(ann).withOwner(bob).withRead(true));
    Interaction elsewhere = given(other, at(2), plain());
    Contact shared = givenContact();
    Interaction first = given(account, shared, at(3), plain());
    Interaction second = given(account, shared, at(4), plain());

    assertThat(ids(where(Criterion.of(SearchField.READ, Operator.EQUALS, "TRUE"))))
        .containsExactly(readOwned.id());
    assertThat(ids(where(Criterion.of(SearchField.ACCOUNT, Operator.NOT_EQUALS,
        account.id().value())))).containsExactly(elsewhere.id());
    assertThat(ids(where(Criterion.of(SearchField.OWNER, Operator.EQUALS, bob.value()))))
        .containsExactly(readOwned.id());
    assertThat(ids(where(Criterion.of(SearchField.AGENT, Operator.EQUALS, bob.value())))).isEmpty();
    assertThat(ids(where(Criterion.of(SearchField.CONTACT, Operator.IN, shared.id().value()))))
        .containsExactly(second.id(), first.id());
    assertThat(query(where(Criterion.of(SearchField.VISIBILITY, Operator.EQUALS, "private")))
        .total()).isEqualTo(4);
    assertThat(query(where(Criterion.of(SearchField.ORIGIN, Operator.EQUALS, "OUT"))).total())
        .isZero();
  }
}
