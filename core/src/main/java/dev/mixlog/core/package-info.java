/**
 * Mixlog's framework-neutral core: what a logging appender needs to send its log events to Mixpanel.
 * The public API is small:
 * <ul>
 *   <li>{@link dev.mixlog.core.MixlogCore}: one appender's delivery; {@code start}, {@code append} (on
 *       the application thread, never blocking, never throwing), {@code flush}, {@code stop},
 *       {@code stats}; its nested {@code StatusSink} is the framework's status channel.</li>
 *   <li>{@link dev.mixlog.core.LogEventReader}: how the core reads one framework's events.</li>
 *   <li>{@link dev.mixlog.core.MarkerNames}: the names of {@code MIXPANEL} and the operation markers,
 *       the same in every framework.</li>
 *   <li>{@code dev.mixlog.core.config}: the settings, each described once in
 *       {@link dev.mixlog.core.config.Settings}, given to {@link dev.mixlog.core.config.MixlogSettings}
 *       and checked into an immutable {@link dev.mixlog.core.config.MixlogConfig}.</li>
 *   <li>{@code dev.mixlog.core.diag}: {@link dev.mixlog.core.diag.MixlogStats} and
 *       {@link dev.mixlog.core.diag.DropReason}.</li>
 * </ul>
 * The pipeline itself lives in {@code dev.mixlog.core.internal}, whose package documentation walks
 * the data path from capture to settlement.
 */
package dev.mixlog.core;
