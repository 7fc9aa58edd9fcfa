package dev.mixlog.core.internal.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mixlog.core.internal.RecordKind;
import dev.mixlog.core.internal.batch.Batch;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The batch file format: what is written reads back byte for byte; damage is cut off and counted, never passed on. */
class BatchFileTest {
    private static final int MAX_RECORD = 4 * 1024 * 1024;

    private static Batch batchOf(int events) {
        Batch.Assembler assembler = new Batch.Assembler(1024, events);
        for (int i = 0; i < events; i++) {
            byte[] json = ("{\"event\":\"Signed Up\",\"properties\":{\"seq\":" + i + ",\"city\":\"Zürich\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            assembler.add(json, 0, json.length, "Signed Up", "id-" + i, null);
        }
        return assembler.seal();
    }

    private static BatchFile.Contents read(byte[] file) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
        BatchFile.Header header = BatchFile.readHeader(in);
        return BatchFile.readRecords(in, header, MAX_RECORD);
    }

    @Test
    void aBatchReadsBackWithTheSameBodyNamesAndInsertIds() throws IOException {
        Batch written = batchOf(50);
        byte[] file = BatchFile.encode(RecordKind.PROFILES, written);

        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
        BatchFile.Header header = BatchFile.readHeader(in);
        BatchFile.Contents contents = BatchFile.readRecords(in, header, MAX_RECORD);

        assertEquals(RecordKind.PROFILES, header.kind);
        assertEquals(50, header.events);
        assertEquals(0, contents.unreadable);
        assertArrayEquals(written.body(), contents.batch.body(), "the very bytes sent before, so time and $insert_id stay");
        for (int i = 0; i < 50; i++) {
            assertEquals("Signed Up", contents.batch.name(i));
            assertEquals("id-" + i, contents.batch.insertId(i));
        }
    }

    @Test
    void aTornTailIsCutOffAndCounted() throws IOException {
        byte[] file = BatchFile.encode(RecordKind.EVENTS, batchOf(10));
        int recordBytes = (file.length - BatchFile.HEADER_BYTES) / 10;

        BatchFile.Contents contents = read(Arrays.copyOf(file, BatchFile.HEADER_BYTES + 6 * recordBytes + recordBytes / 2));

        assertEquals(6, contents.batch.size());
        assertEquals(4, contents.unreadable);
        assertEquals("id-5", contents.batch.insertId(5));
    }

    @Test
    void aFlippedByteInsideARecordLosesThatRecordAlone() throws IOException {
        byte[] file = BatchFile.encode(RecordKind.EVENTS, batchOf(10));
        int recordBytes = (file.length - BatchFile.HEADER_BYTES) / 10;
        file[BatchFile.HEADER_BYTES + 3 * recordBytes + 30] ^= 0x5A;

        BatchFile.Contents contents = read(file);

        assertEquals(9, contents.batch.size());
        assertEquals(1, contents.unreadable);
        for (int i = 0; i < 9; i++) {
            assertEquals("id-" + (i < 3 ? i : i + 1), contents.batch.insertId(i));
        }
    }

    @Test
    void aCorruptLengthEndsTheReadingInsteadOfRunningPastTheFile() throws IOException {
        byte[] file = BatchFile.encode(RecordKind.EVENTS, batchOf(10));
        int recordBytes = (file.length - BatchFile.HEADER_BYTES) / 10;
        file[BatchFile.HEADER_BYTES + 2 * recordBytes] = 0x7F;

        BatchFile.Contents contents = read(file);

        assertEquals(2, contents.batch.size());
        assertEquals(8, contents.unreadable);
    }

    @Test
    void nothingReadableGivesNoBatch() throws IOException {
        byte[] file = BatchFile.encode(RecordKind.EVENTS, batchOf(3));

        BatchFile.Contents contents = read(Arrays.copyOf(file, BatchFile.HEADER_BYTES + 5));

        assertNull(contents.batch);
        assertEquals(3, contents.unreadable);
    }

    @Test
    void aDamagedHeaderAForeignFileAndAnotherVersionAreNotBatchFiles() {
        byte[] file = BatchFile.encode(RecordKind.EVENTS, batchOf(3));
        byte[] damaged = file.clone();
        damaged[9] ^= 1;
        byte[] laterVersion = file.clone();
        laterVersion[4] = 2;

        assertThrows(BatchFile.NotABatchFile.class, () -> read(damaged));
        assertThrows(BatchFile.NotABatchFile.class, () -> read("just some notes\n".getBytes(StandardCharsets.UTF_8)));
        assertThrows(BatchFile.NotABatchFile.class, () -> read(new byte[3]));
        BatchFile.NotABatchFile later = assertThrows(BatchFile.NotABatchFile.class, () -> read(laterVersion));
        assertEquals("header checksum does not match", later.getMessage(), "the version is under the checksum too");
    }
}
