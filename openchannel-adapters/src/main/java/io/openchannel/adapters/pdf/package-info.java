/**
 * PDF transcripts (S22): {@link io.openchannel.adapters.pdf.PdfTranscriptRenderer}, an
 * {@link io.openchannel.transcript.TranscriptRenderer} built on Apache PDFBox with a bundled
 * Unicode font (DejaVu Sans).
 */
package io.openchannel.adapters.pdf;
