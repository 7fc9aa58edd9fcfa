package dev.mixlog.core.internal.spool;

import dev.mixlog.core.internal.RecordKind;
import dev.mixlog.core.internal.batch.Batch;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The on-disk form of one sealed batch, format version 1. A file cannot pass off damage as data:
 *
 * <pre>
 * header  "MXLS" | version (1 byte) | kind (1 byte) | 0 0 | events (int) | CRC32C of the 12 bytes before (int)
 * record  length of payload (int) | CRC32C of payload (int) | payload
 * payload length of name (unsigned short) | name (UTF-8) | length of $insert_id (unsigned short) | $insert_id | JSON
 * </pre>
 *
 * All integers are big-endian. A record whose checksum fails is skipped; a length that cannot be
 * right ends the reading (a torn tail). The header says how many events the file was written with,
 * so what could not be read is counted.
 */
final class BatchFile {
    static final int VERSION = 1;
    static final int HEADER_BYTES = 16;
    private static final byte[] MAGIC = {'M', 'X', 'L', 'S'};
    private static final int RECORD_OVERHEAD = 8 + 2 + 2;
    /** The kind codes, part of the format: a kind's code is its place here, from 1. Never reorder; add at the end. */
    private static final RecordKind[] KINDS = {RecordKind.EVENTS, RecordKind.PROFILES, RecordKind.GROUPS, RecordKind.IDENTITY};

    private BatchFile() {
    }

    /** What a valid header says. */
    static final class Header {
        final RecordKind kind;
        final int events;

        Header(RecordKind kind, int events) {
            this.kind = kind;
            this.events = events;
        }
    }

    /** The intact events of a file, and how many of those its header promised could not be read. */
    static final class Contents {
        final Batch batch;
        final int unreadable;

        Contents(Batch batch, int unreadable) {
            this.batch = batch;
            this.unreadable = unreadable;
        }
    }

    /** Thrown when a file is not a batch file this version can read: set it aside. */
    static final class NotABatchFile extends IOException {
        NotABatchFile(String why) {
            super(why);
        }
    }

    /** The whole file for this batch, header included. */
    static byte[] encode(RecordKind kind, Batch batch) {
        byte[][] names = new byte[batch.size()][];
        byte[][] ids = new byte[batch.size()][];
        int total = HEADER_BYTES;
        for (int i = 0; i < batch.size(); i++) {
            names[i] = batch.name(i).getBytes(StandardCharsets.UTF_8);
            ids[i] = batch.insertId(i).getBytes(StandardCharsets.UTF_8);
            total += RECORD_OVERHEAD + names[i].length + ids[i].length + batch.eventLength(i);
        }
        ByteBuffer file = ByteBuffer.allocate(total);
        file.put(MAGIC).put((byte) VERSION).put((byte) code(kind)).put((byte) 0).put((byte) 0).putInt(batch.size());
        file.putInt(crc(file.array(), 0, 12));
        CRC32C checksum = new CRC32C();
        for (int i = 0; i < batch.size(); i++) {
            int payloadLength = 4 + names[i].length + ids[i].length + batch.eventLength(i);
            int payloadStart = file.position() + 8;
            file.putInt(payloadLength).putInt(0);
            file.putShort((short) names[i].length).put(names[i]).putShort((short) ids[i].length).put(ids[i]);
            file.put(batch.body(), batch.eventStart(i), batch.eventLength(i));
            checksum.reset();
            checksum.update(file.array(), payloadStart, payloadLength);
            file.putInt(payloadStart - 4, (int) checksum.getValue());
        }
        return file.array();
    }

    /** Reads and checks the header. */
    static Header readHeader(DataInputStream in) throws IOException {
        byte[] header = new byte[HEADER_BYTES];
        try {
            in.readFully(header);
        } catch (EOFException shorter) {
            throw new NotABatchFile("shorter than a header");
        }
        ByteBuffer fields = ByteBuffer.wrap(header);
        for (byte expected : MAGIC) {
            if (fields.get() != expected) {
                throw new NotABatchFile("not a Mixlog batch file");
            }
        }
        int version = fields.get();
        int kind = fields.get();
        fields.getShort();
        int events = fields.getInt();
        if (fields.getInt() != crc(header, 0, 12)) {
            throw new NotABatchFile("header checksum does not match");
        }
        if (version != VERSION) {
            throw new NotABatchFile("format version " + version + ", this release reads " + VERSION);
        }
        if (kind < 1 || kind > KINDS.length || events < 1) {
            throw new NotABatchFile("kind " + kind + ", " + events + " events");
        }
        return new Header(KINDS[kind - 1], events);
    }

    /**
     * How many events a file whose header cannot be read ({@link NotABatchFile}) held, when the file
     * still tells: the header's own count when its checksum holds (another format version), otherwise
     * the number of records whose lengths lead exactly to the file's end. -1 when it cannot be told:
     * empty, cut inside a record, or not a Mixlog file at all.
     */
    static int heldEvents(DataInputStream in, long fileLength) throws IOException {
        if (fileLength < HEADER_BYTES) {
            return -1;
        }
        byte[] header = new byte[HEADER_BYTES];
        in.readFully(header);
        for (int i = 0; i < MAGIC.length; i++) {
            if (header[i] != MAGIC[i]) {
                return -1;
            }
        }
        ByteBuffer fields = ByteBuffer.wrap(header);
        if (fields.getInt(12) == crc(header, 0, 12)) {
            int events = fields.getInt(8);
            return events >= 1 ? events : -1;
        }
        long position = HEADER_BYTES;
        int records = 0;
        while (position < fileLength) {
            if (fileLength - position < 8) {
                return -1;
            }
            int length = in.readInt();
            in.readInt();
            position += 8;
            if (length < 4 || length > fileLength - position || !skipFully(in, length)) {
                return -1;
            }
            position += length;
            records++;
        }
        return records > 0 ? records : -1;
    }

    private static boolean skipFully(DataInputStream in, int length) throws IOException {
        int skipped = 0;
        while (skipped < length) {
            int now = in.skipBytes(length - skipped);
            if (now <= 0) {
                return false;
            }
            skipped += now;
        }
        return true;
    }

    /** Reads the records after the header: every intact one, skipping corrupt ones, stopping at a torn tail. */
    static Contents readRecords(DataInputStream in, Header header, int maxRecordBytes) throws IOException {
        Batch.Assembler assembler = new Batch.Assembler(64 * 1024, header.events);
        CRC32C checksum = new CRC32C();
        byte[] payload = new byte[256];
        for (int record = 0; record < header.events; record++) {
            int length;
            int expected;
            try {
                length = in.readInt();
                expected = in.readInt();
            } catch (EOFException torn) {
                break;
            }
            if (length < 4 || length > maxRecordBytes) {
                break;
            }
            if (payload.length < length) {
                payload = new byte[Math.max(length, payload.length * 2)];
            }
            if (!readFully(in, payload, length)) {
                break;
            }
            checksum.reset();
            checksum.update(payload, 0, length);
            if ((int) checksum.getValue() != expected) {
                continue;
            }
            addRecord(assembler, payload, length);
        }
        int intact = assembler.count();
        return new Contents(intact == 0 ? null : assembler.seal(), header.events - intact);
    }

    /** Adds one checked record; false when its fields do not fit its length (skipped like a corrupt one). */
    private static boolean addRecord(Batch.Assembler assembler, byte[] payload, int length) {
        ByteBuffer fields = ByteBuffer.wrap(payload, 0, length);
        int nameLength = Short.toUnsignedInt(fields.getShort());
        if (nameLength + 4 > length) {
            return false;
        }
        String name = new String(payload, 2, nameLength, StandardCharsets.UTF_8);
        fields.position(2 + nameLength);
        int idLength = Short.toUnsignedInt(fields.getShort());
        int jsonStart = 4 + nameLength + idLength;
        if (jsonStart >= length) {
            return false;
        }
        String insertId = new String(payload, 4 + nameLength, idLength, StandardCharsets.UTF_8);
        assembler.add(payload, jsonStart, length - jsonStart, name, insertId, Batch.READ_BACK);
        return true;
    }

    private static boolean readFully(InputStream in, byte[] into, int length) throws IOException {
        int read = 0;
        while (read < length) {
            int now = in.read(into, read, length - read);
            if (now < 0) {
                return false;
            }
            read += now;
        }
        return true;
    }

    private static int code(RecordKind kind) {
        for (int i = 0; i < KINDS.length; i++) {
            if (KINDS[i] == kind) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(kind.name());
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32C checksum = new CRC32C();
        checksum.update(bytes, offset, length);
        return (int) checksum.getValue();
    }
}
