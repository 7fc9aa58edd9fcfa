package dev.mixlog.logback;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the spool tests look at: the batch files in a spool directory, and the {@code seq} of each event that arrived. */
final class SpoolFiles {
    private SpoolFiles() {
    }

    /** The batch files in the directory, oldest first. */
    static List<Path> batchFiles(Path spool) throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".batch")).sorted().collect(Collectors.toList());
        }
    }

    /**
     * The bytes of the batch files in the directory now. A running spool may remove a file between
     * the listing and its size (a full spool pushing its oldest batch out): that file takes no room.
     */
    static long batchBytes(Path spool) throws IOException {
        long bytes = 0;
        for (Path file : batchFiles(spool)) {
            try {
                bytes += Files.size(file);
            } catch (NoSuchFileException removedMeanwhile) {
                // gone from the disk: nothing to count
            }
        }
        return bytes;
    }

    /** The {@code seq} property of every event the server ingested (once per {@code $insert_id}). */
    static Set<Integer> arrivedSeqs(LoopbackMixpanel server) {
        Set<Integer> seqs = new TreeSet<>();
        for (JsonNode event : server.ingestedEvents()) {
            seqs.add(event.path("properties").path("seq").intValue());
        }
        return seqs;
    }
}
