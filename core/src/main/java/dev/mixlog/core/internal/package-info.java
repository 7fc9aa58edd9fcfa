/**
 * Mixlog's delivery pipeline, free to change between releases. The appender hands each log event to
 * {@link dev.mixlog.core.MixlogCore#append}; everything after that happens here, in this order:
 *
 * <ol>
 *   <li><b>Capture</b>, on the application thread: the core asks the appender's
 *       {@link dev.mixlog.core.LogEventReader} whether the event is marked and what of it to keep,
 *       then {@code Pipeline.offer} puts it in the ring ({@code capture.Intake}, a typed LMAX
 *       Disruptor ring): one slot claimed without waiting, the event's estimated size
 *       ({@code capture.RetainedSize}) counted against {@code maxBufferBytes}. A refusal is counted
 *       at once under its {@link dev.mixlog.core.diag.DropReason}. Nothing else runs on the
 *       application thread.</li>
 *   <li><b>Consume</b>, on the consumer thread ({@code ConsumerLoop}, kept alive by
 *       {@code ConsumerThread}): events are taken from the ring in chunks. For each, {@code Records}
 *       maps it ({@code mapping.EventMapper}: name, {@code distinct_id}, properties, or a profile or
 *       group operation), sanitizes it to Mixpanel's rules ({@code json.ValueSanitizer},
 *       {@code mixpanel.MixpanelRules}), serializes it ({@code json.EventWriter},
 *       {@code json.UpdateWriter}) and adds the record to the batcher of its {@code RecordKind}.</li>
 *   <li><b>Batch</b>: a {@code batch.Batcher} seals a {@code batch.Batch} by count, size or age and
 *       keeps it; the loop asks for sealed batches once the ring's slots are released.</li>
 *   <li><b>Send</b>: the loop hands sealed batches to the {@code delivery.Dispatcher}, at most
 *       {@code maxInFlight} at once (beyond that it waits, and the ring absorbs what arrives). A
 *       sender encodes the body ({@code http.Gzip}) and posts it to the {@code http.Route} of its
 *       kind ({@code http.MixpanelTransport}: HTTP/1.1 on the sender's thread, over a
 *       {@code http.Connection} kept between requests; the reply is read, bounded, by
 *       {@code http.ReplyReader}).</li>
 *   <li><b>Reply</b>: {@code http.ReplyClassifier} turns the reply into a {@code http.Verdict}:
 *       delivered, partly refused, too large (split in halves), refused, or to be retried with
 *       backoff ({@code delivery.Backoff}, {@code delivery.SendGate} for rate limits).</li>
 *   <li><b>Settle</b>: every event ends counted as delivered or dropped under one reason in
 *       {@link dev.mixlog.core.diag.Counters}; {@code diag.DiagnosticsReporter} reports drops
 *       through the framework's status channel ({@code diag.SafeStatus}, which blanks secrets).</li>
 * </ol>
 *
 * Stopping ({@code MixlogCore.stop}, or {@code stopInBackground} on a reconfiguration, run by
 * {@code BackgroundStops}) closes the ring, lets the consumer drain and flush, and gives the senders
 * until {@code shutdownTimeout}. {@code MixlogCore.flush} asks the consumer to hand over everything
 * logged so far ({@code FlushRequest}) and waits for those batches to settle. Every thread is a
 * daemon named after the appender ({@code DaemonThreads}, {@code MixlogThread}).
 */
package dev.mixlog.core.internal;
