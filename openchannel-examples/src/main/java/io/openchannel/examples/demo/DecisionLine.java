package io.openchannel.examples.demo;

import io.openchannel.policy.SendDecision;

/** How the demo shows a {@link SendDecision}: what a host would put next to the text area. */
final class DecisionLine {
  private DecisionLine() {}

  /**
   * {@code Allowed as messaging type RESPONSE until Tue 3 Jun, 09:11:35} or
   * {@code Denied: WINDOW_CLOSED, until Noah writes again}; {@code customer} names who can reopen
   * a window by writing.
   */
  static String of(SendDecision decision, String customer) {
    String until = decision.until().map(at -> " until " + Narrator.dateTime(at))
        .orElse(decision.isAllowed() ? "" : " until " + customer + " writes again");
    if (decision instanceof SendDecision.Denied denied) {
      return "Denied: " + denied.reason() + "," + until;
    }
    SendDecision.Allowed allowed = (SendDecision.Allowed) decision;
    String how = allowed.messagingType().map(t -> " as messaging type " + t).orElse("")
        + allowed.tag().map(t -> " with tag " + t).orElse("")
        + (allowed.template() ? " as a template" : "");
    return "Allowed" + how + until;
  }
}
