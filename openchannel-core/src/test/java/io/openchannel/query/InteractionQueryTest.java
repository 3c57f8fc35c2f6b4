package io.openchannel.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openchannel.InvalidInputException;
import io.openchannel.account.AccountId;
import io.openchannel.interaction.InteractionId;
import io.openchannel.interaction.InteractionStatus;
import io.openchannel.interaction.Tag;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The query value: defaults, fingerprints, cursors' string form. */
class InteractionQueryTest {

  @Test
  void defaultsAreEverythingByLastMessageFiftyAPage() {
    InteractionQuery all = InteractionQuery.all();

    assertThat(all.sort()).isEqualTo(InteractionSort.LAST_MESSAGE);
    assertThat(all.pageSize()).isEqualTo(InteractionQuery.DEFAULT_PAGE_SIZE).isEqualTo(50);
    assertThat(all.accounts()).isEmpty();
    assertThat(all.after()).isEmpty();
    assertThat(all.textWords()).isEmpty();
    assertThat(all.exactTotalUpTo()).isEqualTo(InteractionQuery.DEFAULT_EXACT_TOTAL_UP_TO)
        .isEqualTo(1_000);
  }

  @Test
  void aCountingLimitBelowOneIsRefusedWithTheWayOut() {
    assertThatThrownBy(() -> InteractionQuery.builder().exactTotalUpTo(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least 1").hasMessageContaining("Long.MAX_VALUE");
  }

  @Test
  void theFingerprintIgnoresPageSizeAndCursorButNotFiltersOrOrder() {
    InteractionQuery open = InteractionQuery.builder().status(InteractionStatus.OPEN).build();
    InteractionQuery exact = open.toBuilder().exactTotalUpTo(Long.MAX_VALUE).build();

    assertThat(exact.fingerprint()).isEqualTo(open.fingerprint());
    assertThat(exact).isNotEqualTo(open);

    assertThat(open.toBuilder().pageSize(7).build().fingerprint()).isEqualTo(open.fingerprint());
    assertThat(InteractionQuery.builder().status(InteractionStatus.OPEN).build().fingerprint())
        .isEqualTo(open.fingerprint());
    assertThat(open.toBuilder().sort(InteractionSort.STARTED).build().fingerprint())
        .isNotEqualTo(open.fingerprint());
    assertThat(open.toBuilder().accounts(AccountId.of("a")).build().fingerprint())
        .isNotEqualTo(open.fingerprint());
    assertThat(open.toBuilder().anyTag(Tag.of("x")).build().fingerprint())
        .isNotEqualTo(open.toBuilder().allTags(Tag.of("x")).build().fingerprint());
  }

  @Test
  void searchTextThatNormalisesAlikeIsTheSameQuery() {
    InteractionQuery accented = InteractionQuery.builder().text("Crème Brûlée").build();
    InteractionQuery plain = InteractionQuery.builder().text("creme   BRULEE").build();

    assertThat(accented.textWords()).containsExactly("creme", "brulee");
    assertThat(accented.fingerprint()).isEqualTo(plain.fingerprint());
  }

  @Test
  void toBuilderKeepsEveryField() {
    InteractionQuery query = InteractionQuery.builder().startedBetween(Instant.EPOCH,
            Instant.EPOCH.plusSeconds(60)).read(true).status(InteractionStatus.CLOSED)
        .accounts(AccountId.of("a")).allTags(Tag.of("t")).text("hello")
        .advanced(AdvancedSearch.any(Criterion.of("status", "EQUALS", "OPEN")))
        .sort(InteractionSort.STARTED).pageSize(9).exactTotalUpTo(77).build();

    assertThat(query.toBuilder().build()).isEqualTo(query);
    assertThat(query.toBuilder().build().toString()).isEqualTo(query.toString());
  }

  @Property(tries = 300)
  void aCursorReadsBackFromItsStringForm(@ForAll("instants") Instant at,
      @ForAll("ids") String id, @ForAll("fingerprints") String fingerprint) {
    Cursor cursor = new Cursor(new SortKey(at, InteractionId.of(id)), fingerprint);

    String text = cursor.toString();

    assertThat(Cursor.parse(text)).isEqualTo(cursor);
    assertThat(text).matches("[A-Za-z0-9_-]+");
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L)
        .flatMap(s -> Arbitraries.integers().between(0, 999_999_999)
            .map(n -> Instant.ofEpochSecond(s, n)));
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40)
        .filter(s -> !s.isBlank() && s.chars().noneMatch(Character::isISOControl)
            && s.codePoints().allMatch(Character::isDefined)
            && s.chars().noneMatch(c -> Character.isSurrogate((char) c)));
  }

  @Provide
  Arbitrary<String> fingerprints() {
    return Arbitraries.strings().withChars("0123456789abcdef").ofLength(16);
  }
}
