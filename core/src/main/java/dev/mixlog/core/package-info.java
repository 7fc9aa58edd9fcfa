/**
 * Mixlog's delivery pipeline, independent of any logging framework. An appender translates its
 * framework's event for a {@link dev.mixlog.core.mapping.LogEventReader} and hands it to
 * {@link dev.mixlog.core.MixlogCore}; everything else happens here, in this order:
 *
 * <ol>
 *   <li><b>Capture</b>, on the application thread: {@code MixlogCore.capture} asks the
 *       {@code Pipeline} to offer the event to the ring ({@code capture.Intake}, an LMAX Disruptor
 *       ring): one slot claimed without waiting, the event's estimated size
 *       ({@code capture.RetainedSize}) counted against {@code maxBufferBytes}. A refusal is counted
 *       at once ({@code diag.DropReason}). Nothing else runs on the application thread.</li>
 *   <li><b>Consume</b>, on the consumer thread ({@code ConsumerLoop}, kept alive by
 *       {@code ConsumerThread}): events are taken from the ring in chunks; each is mapped
 *       ({@code mapping.EventMapper}: name, {@code distinct_id}, properties, or a profile or group
 *       operation), sanitized to Mixpanel's rules ({@code json.ValueSanitizer},
 *       {@code mixpanel.MixpanelRules}) and serialized ({@code json.EventWriter},
 *       {@code json.UpdateWriter}).</li>
 *   <li><b>Batch</b>: each destination (events, profiles, groups, identity) has a
 *       {@code batch.Batcher} that seals a {@code batch.Batch} by count, size or age and keeps it
 *       until the consumer hands it over.</li>
 *   <li><b>Send</b>: the consumer hands sealed batches to the {@code delivery.Dispatcher}, at most
 *       {@code maxInFlight} at once (beyond that it waits, and the ring absorbs what arrives). A
 *       sender encodes the body ({@code http.Gzip}) and posts it to its {@code http.Route}
 *       ({@code http.MixpanelTransport}, the JDK's HTTP client; the reply is read by
 *       {@code http.BoundedBody}).</li>
 *   <li><b>Reply</b>: {@code http.ReplyClassifier} turns the reply into a {@code http.Verdict}:
 *       delivered, partly refused, too large (split in halves), refused, or to be retried with
 *       backoff ({@code delivery.Backoff}, {@code delivery.SendGate} for rate limits).</li>
 *   <li><b>Settle</b>: every event ends counted as delivered or dropped under one reason in
 *       {@code diag.MixlogStats}; {@code diag.DiagnosticsReporter} reports drops through the
 *       framework's status channel ({@code diag.SafeStatus}, which blanks secrets).</li>
 * </ol>
 *
 * Stopping ({@code MixlogCore.stop}, or {@code stopInBackground} on a reconfiguration) closes the
 * ring, lets the consumer drain and flush, and gives the senders until {@code shutdownTimeout}.
 * {@code MixlogCore.flush} asks the consumer to hand over everything logged so far and waits for
 * those batches to settle. The settings are described once in {@code config.Settings}.
 */
package dev.mixlog.core;
