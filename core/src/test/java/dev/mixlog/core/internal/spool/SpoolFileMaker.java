package dev.mixlog.core.internal.spool;

import dev.mixlog.core.internal.RecordKind;
import dev.mixlog.core.internal.batch.Batch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes batch files as a previous run's spool would have left them, in the spool's own format, for
 * tests that need more files than a run could write in reasonable time (each write is synced).
 */
public final class SpoolFileMaker {
    private SpoolFileMaker() {
    }

    /**
     * Writes {@code count} files of one event each, numbered from {@code firstSequence}; each event is a
     * valid {@code /import} event named "Replayed" with a {@code seq} property from {@code firstSeq}.
     */
    public static void oneEventFiles(Path directory, int count, long firstSequence, int firstSeq) throws IOException {
        Files.createDirectories(directory);
        long time = System.currentTimeMillis();
        for (int i = 0; i < count; i++) {
            int seq = firstSeq + i;
            String insertId = String.format("%032x", 0x5eedL * 1_000_000_000L + seq);
            byte[] json = ("{\"event\":\"Replayed\",\"properties\":{\"time\":" + time + ",\"distinct_id\":\"user-" + seq
                    + "\",\"$insert_id\":\"" + insertId + "\",\"seq\":" + seq + "}}").getBytes(StandardCharsets.UTF_8);
            Batch.Assembler assembler = new Batch.Assembler(json.length + 2, 1);
            assembler.add(json, 0, json.length, "Replayed", insertId, null);
            Files.write(directory.resolve(String.format("%019d.batch", firstSequence + i)), BatchFile.encode(RecordKind.EVENTS, assembler.seal()));
        }
    }
}
