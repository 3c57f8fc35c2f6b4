/**
 * Transcripts of one interaction (S22): the {@link io.openchannel.transcript.Transcript} model an
 * agent with the {@link io.openchannel.routing.Permission#TRANSCRIPT_DOWNLOAD} permission gets
 * from {@link io.openchannel.AgentDesk#transcript}, and {@link
 * io.openchannel.transcript.TranscriptRenderer}s that turn it into a file: {@link
 * io.openchannel.transcript.PlainTextTranscriptRenderer} here, a PDF renderer in
 * {@code openchannel-adapters}. {@link io.openchannel.transcript.TranscriptFormat} holds the
 * wording both share, for renderers of your own.
 */
package io.openchannel.transcript;
