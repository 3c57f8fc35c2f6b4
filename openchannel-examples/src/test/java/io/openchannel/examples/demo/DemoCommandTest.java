package io.openchannel.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.openchannel.examples.Run;
import io.openchannel.examples.terminal.Columns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code demo} in-process once and checks the story it tells. */
class DemoCommandTest {
  private static Run run;
  private static String systemErr;
  private static Path pdf;

  @BeforeAll
  static void runTheDemo(@TempDir Path dir) {
    pdf = dir.resolve("transcript.pdf");
    PrintStream realErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      run = Run.of("demo", "--no-color", "--out", pdf.toString());
    } finally {
      System.setErr(realErr);
    }
    systemErr = err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void exitsWithZeroAndWritesNothingToStandardError() {
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(systemErr).as("log output on System.err").isEmpty();
  }

  @Test
  void showsTheNewContactAndTheAutoReply() {
    assertThat(run.out())
        .containsPattern("▸ ContactCreated +Mia Rossi, a new contact")
        .containsPattern("▸ InteractionOpened +Mia Rossi on sunny-messenger")
        .contains("→ out  text [auto-reply]  \"Thanks for writing!")
        .containsPattern("▸ DeliveryStatusChanged ✓✓ SENT +\"Thanks for writing!");
  }

  @Test
  void aRestartedEngineReadsMiasInteractionBackFromTheH2File() {
    assertThat(run.out())
        .contains("a new one starts on the same store (the H2 database file in its")
        .containsPattern("messages +7")
        .containsPattern("disposition +Sales / Order placed");
  }

  @Test
  void twoEnginesOnOneDatabaseGiveOneWinnerAndTakeOverFromACrashedRouter() {
    assertThat(run.out())
        .containsPattern("router +north \\(lease 15 s")
        .contains("offer <id> is no longer pending (state RESCINDED, TAKEN_BY_OTHER_AGENT)")
        .contains("North reads the owner from the database: Eva Lind.")
        .containsPattern("router +south \\(took the lapsed lease")
        .containsPattern("▸ OfferCreated +ring finn until [0-9:]+ for Hana Sato")
        .contains("South offered Hana's interaction (OFFERING); Gus's stays Eva's.");
  }

  @Test
  void fillsTheCannedAnswersVariables() {
    assertThat(run.out()).contains("sent      \"Hi Mia, this is Ann Baker. Let me check for you!\"");
  }

  @Test
  void showsTheReplyDisabledExceptionMessage() {
    assertThat(run.out())
        .contains("refused: ReplyDisabledException")
        .contains("account sunny-sms has no Reply URL");
  }

  @Test
  void storesTheDuplicateDeliveryOnce() {
    assertThat(run.out())
        .contains("ReceiveResult.duplicate() = true")
        .contains("The interaction holds 1 message with id m_mia_0002");
  }

  @Test
  void listsEveryMessageWithItsFlagsAndStatus() {
    assertThat(run.out())
        .containsPattern("2 +09:00:00  → out  text +✓✓ READ +\\[auto-reply\\]")
        .containsPattern("3 +09:01:40  → out  text +✓✓ READ +\\[canned\\]")
        .containsPattern("4 +09:02:10  → out  text +✓✓ DELIVERED +Ann Baker")
        .containsPattern("5 +09:02:40  → out  attachment +✗ FAILED +Ann Baker")
        .containsPattern("→ out  note +not sent +\\[note\\]")
        .contains("size-guide.pdf (application/pdf,")
        .doesNotContain("QUEUED ");
  }

  @Test
  void showsTheFailedMessageWithItsSingleCheckmarkAndReason() {
    assertThat(run.out())
        .containsPattern("▸ DeliveryStatusChanged ✗ FAILED +size-guide.pdf\\n +reason +\\(#551\\)"
            + " This person isn't available right now")
        .contains("      reason: (#551) This person isn't available right now");
  }

  @Test
  void appliesReceiptsToAcceptedMessagesOnly() {
    assertThat(run.out())
        .containsPattern("▸ DeliveryStatusChanged ✓✓ DELIVERED +\"Good news: size 38")
        .containsPattern("▸ DeliveryStatusChanged ✓✓ READ +\"Hi Mia, this is Ann Baker")
        .doesNotContainPattern("✓✓ (DELIVERED|READ) +size-guide\\.pdf");
  }

  @Test
  void showsMessengersWindowOpenThenClosed() {
    assertThat(run.out())
        .contains("oc.canSend      Allowed as messaging type RESPONSE until Tue 3 Jun, 09:11:35")
        .contains("oc.canSend      Denied: WINDOW_CLOSED, until Noah writes again")
        .containsPattern("refused: SendNotAllowedException\\n +Facebook Messenger allows messages"
            + " only within 24 hours of the customer's last message")
        .containsPattern("Nothing was stored:\\s+the\\s+interaction\\s+still\\s+holds\\s+3"
            + "\\s+messages,\\s+and\\s+Messenger\\s+received\\s+nothing");
  }

  @Test
  void refusesFreeTextOnWhatsAppButSendsTheTemplate() {
    assertThat(run.out())
        .contains("oc.canSend      Denied: TEMPLATE_REQUIRED")
        .containsPattern("refused: SendNotAllowedException\\n +WhatsApp allows free-form messages")
        .contains("send an approved template instead")
        .containsPattern("▸ MessageAdded +→ out  template  \"\\[template order_update/en_US\\]")
        .containsPattern("▸ DeliveryStatusChanged ✓✓ SENT +\"\\[template order_update/en_US\\]")
        .containsPattern("▸ DeliveryStatusChanged ✓✓ READ +\"\\[template order_update/en_US\\]");
  }

  @Test
  void aQueuePassesARejectedOfferToTheNextAgentWhoAccepts() {
    assertThat(run.out())
        .containsPattern("▸ InteractionQueued +in queue orders, a new interaction\\n"
            + " +▸ OfferCreated +ring ben until 10:30:35 for Tom Reed on WhatsApp: \"Can I change")
        .containsPattern("Ben is busy and rejects the offer:\\n"
            + " +▸ OfferRejected +by ben\\n"
            + " +▸ OfferCreated +ring cleo until 10:30:45 for Tom Reed on WhatsApp")
        .containsPattern("Cleo accepts:\\n(.*\\n){0,2}.*▸ OfferAccepted +by cleo")
        .contains("The interaction is Cleo Park's now (routing state ASSIGNED)");
  }

  @Test
  void ringAllOffersEveryoneOneAcceptsTheOthersAreToldItWasTaken() {
    assertThat(run.out())
        .containsPattern("ring ben until 10:31:55 for Ivy Chen")
        .containsPattern("ring cleo until 10:31:55 for Ivy Chen")
        .containsPattern("ring dan until 10:31:55 for Ivy Chen")
        .containsPattern("▸ OfferAccepted +by dan")
        .containsPattern("▸ OfferRescinded +to ben, TAKEN_BY_OTHER_AGENT: told it was taken")
        .containsPattern("▸ OfferRescinded +to cleo, TAKEN_BY_OTHER_AGENT: told it was taken")
        .doesNotContainPattern("▸ OfferRescinded +to dan");
  }

  @Test
  void refusesTheLateAcceptAndChangesNothing() {
    assertThat(run.out())
        .containsPattern("Ben's click on Accept arrives a moment too late:\\n"
            + "  refused: IllegalTransitionException\\n"
            + " +offer <id> is RESCINDED \\(TAKEN_BY_OTHER_AGENT\\), not PENDING")
        .contains("Nothing changed: the interaction is still Dan Moreau's, Ben's offer stays"
            + " RESCINDED, no event.");
  }

  @Test
  void anUnansweredOfferTimesOutAndPassesToTheNextAgent() {
    assertThat(run.out())
        .containsPattern("▸ OfferCreated +ring ben until 10:34:05 for Eva Jones")
        .containsPattern("▸ OfferTimedOut +ben did not answer in time\\n"
            + " +▸ OfferCreated +ring cleo until 10:34:35 for Eva Jones");
  }

  @Test
  void endsWithTheViewLineOfTheInteraction() {
    assertThat(run.out())
        .contains("contact         Mia Rossi")
        .containsPattern("last message    ← in +09:06:00  \"Perfect, I'll order size 38 now\\.")
        .contains("status          CLOSED at 09:07:35")
        .contains("disposition     Sales / Order placed")
        .contains("read            yes")
        .contains("tags            size-38, sneakers")
        .contains("conversation    1 interaction, 0 not yet managed");
  }

  @Test
  void showsMiasJourneyNewestFirst() {
    assertThat(run.out())
        .containsPattern("1  Wed 10:34:10  Sunny Shoes \\(Facebook Messenger\\), closed at Wed 10:34:20:"
            + " Support / Resolved\n +Ann Baker, 2 messages, last ← in \"The sneakers arrived")
        .containsPattern("2  09:00:00      Sunny Shoes \\(Facebook Messenger\\), closed at 09:07:35:"
            + " Sales / Order placed\n +Ann Baker, 6 messages");
  }

  @Test
  void refusesTheTranscriptWithoutThePermissionThenWritesThePdf() throws IOException {
    assertThat(run.out())
        .containsPattern("refused: PermissionDeniedException\n +agent ann lacks the"
            + " TRANSCRIPT_DOWNLOAD permission")
        .contains("started         2025-06-02 11:00:00 +02:00 (09:00:00 UTC)")
        .contains("written to      " + pdf);
    try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
      assertThat(doc.getDocumentInformation().getTitle())
          .isEqualTo("Transcript: Mia Rossi on Sunny Shoes (Facebook Messenger)");
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains("Hi Mia, this is Ann Baker. Let me check for you!")
          .contains("[failed: (#551) This person isn't available right now]")
          .contains("Page 1 of 1")
          .doesNotContain("hesitates between 38 and 39");
    }
  }

  @Test
  void noLineIsWiderThanOneHundredColumns() {
    assertThat(run.out().lines())
        .allSatisfy(line -> assertThat(Columns.width(line)).as(line).isLessThanOrEqualTo(100));
  }

  @Test
  void noColorMeansNoEscapeCodes() {
    assertThat(run.out()).doesNotContain("\u001b[");
  }

  @Test
  void printsTheSameEveryRun() {
    assertThat(Run.of("demo", "--no-color", "--out", pdf.toString()).out()).isEqualTo(run.out());
  }

  @Test
  void endsWithTheInteractionsViewFilteredPagedAndSearched() {
    String view = run.out().substring(run.out().indexOf("The interactions view, filtered and searched"));

    assertThat(view)
        .contains("3 of 5 matching; page.next() holds the cursor for the next page")
        .contains("2 of 5 matching")
        .containsPattern("Mia Rossi +sunny-messenger +closed .* ann +0\\n +closed 09:07:35, "
            + "disposed as \"Sales / Order placed\"; tags size-38, sneakers")
        .contains("disposed as \"Sales / Order placed\"")
        .containsPattern("Leo Martin +sunny-sms +closed +← in +\"Is my parcel")
        .contains("1 of 1 matching")
        .contains("4 of 4 matching");
  }
}
