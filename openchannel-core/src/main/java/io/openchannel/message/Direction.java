package io.openchannel.message;

/** Whether a message came from the customer or goes to them. */
public enum Direction {
  /** From the customer. */
  IN,
  /** From the contact center (agent, auto-reply) to the customer; notes are OUT too. */
  OUT
}
