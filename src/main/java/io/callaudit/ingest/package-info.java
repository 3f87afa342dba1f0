/**
 * Streaming readers that turn call-log files into {@link io.callaudit.model.ReadResult}s.
 *
 * <p>Batches can be large (a month of webhook events), so every reader holds one record at a time and a
 * bad record becomes a located rejection instead of stopping the batch. Only input that cannot be read at all
 * (a missing file, content that is not JSON, NDJSON, CSV, XML or a request log, a truncated document or gzip
 * stream, records two vendors fit equally) raises
 * {@link io.callaudit.ingest.InputException}, which the CLI maps to exit status 3.
 *
 * <p>Entry point: {@link io.callaudit.ingest.CallReaders}.
 */
package io.callaudit.ingest;
