package org.vnextract.batch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.zip.CRC32;
import org.vnextract.internal.Validate;
import org.vnextract.record.ArticleRecord;
import org.vnextract.record.RecordJson;

/**
 * JSON Lines output that survives a crash or {@code kill -9} and can be resumed: records go to
 * {@code FILE.part}, and a checkpoint journal {@code FILE.journal} lists, unit by unit, which input
 * positions are done and how long the verified part of {@code FILE.part} is. A unit (every
 * {@code unitRecords} outcomes or {@code unitMillis}, whichever comes first) is committed by
 * flushing and fsyncing the part file, then appending one journal line and fsyncing the journal;
 * so a position is in the journal only once its record is safely on disk.
 *
 * <p>On resume, journal lines are read up to the first torn or corrupt one (each line carries a
 * CRC-32), the part file is truncated to the last verified length (dropping records written after
 * the last unit, whose positions are not in the journal and will be done again), and the caller
 * skips the journalled positions. Every record therefore ends up in the output exactly once.
 * {@link #finish()} renames the part file over {@code FILE} and deletes the journal.
 *
 * <p>The journal's first line names the inputs and options ({@code inputKey}); resuming with
 * different ones is refused, since the positions would mean other articles. A file lock on the
 * journal keeps two runs from writing the same output.
 *
 * <p>Journal format, one line each: {@code vnextract-journal/1 KEY}, then per unit
 * {@code u LENGTH REJECTED RANGES *CRC} where RANGES is {@code a-b,c,…} (or {@code -} for none) and
 * CRC the CRC-32 in hex of everything before {@code " *"}.
 *
 * <p>Not thread-safe: one writer.
 */
public final class ResumableOutput implements Closeable {
    private static final String MAGIC = "vnextract-journal/1";

    private final RecordJson json = new RecordJson();
    private final Path target;
    private final Path part;
    private final Path journalPath;
    private final FileChannel out;
    private final FileChannel journal;
    private final FileLock lock;
    private final BitSet done;
    private final int unitRecords;
    private final long unitNanos;
    private final long resumedPositions;
    private final long resumedRejected;
    private byte[] buf = new byte[1 << 16];
    private int bufLen;
    private long length; // bytes in the part file, including ones not yet verified
    private final List<Long> unitPositions = new ArrayList<>();
    private long unitRejected;
    private long unitStart = System.nanoTime();
    private boolean finished;

    private ResumableOutput(Path target, Path part, Path journalPath, FileChannel out, FileChannel journal,
                            FileLock lock, BitSet done, long length, long resumedRejected, int unitRecords, long unitMillis) {
        this.target = target;
        this.part = part;
        this.journalPath = journalPath;
        this.out = out;
        this.journal = journal;
        this.lock = lock;
        this.done = done;
        this.length = length;
        this.resumedPositions = done.cardinality();
        this.resumedRejected = resumedRejected;
        this.unitRecords = unitRecords;
        this.unitNanos = unitMillis * 1_000_000L;
    }

    /** Where the partial output of {@code target} lives until {@link #finish()}. */
    public static Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /** The checkpoint journal of {@code target}. */
    public static Path journalOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".journal");
    }

    /** Opens with the default unit size (1,000 outcomes or 2 seconds). */
    public static ResumableOutput open(Path target, String inputKey) throws IOException {
        return open(target, inputKey, 1000, 2000);
    }

    /**
     * Opens {@code target} for writing, resuming from its journal if there is one.
     *
     * @throws ResumeMismatch when the journal was written for other inputs or options
     * @throws IOException    when the files cannot be opened, or another run holds the lock
     */
    public static ResumableOutput open(Path target, String inputKey, int unitRecords, long unitMillis) throws IOException {
        Validate.notNull(target, "target");
        Validate.notEmpty(inputKey, "inputKey");
        Validate.isTrue(!inputKey.contains("\n"), "inputKey", "must be one line");
        Validate.positive(unitRecords, "unitRecords");
        Validate.positive(unitMillis, "unitMillis");
        Path abs = target.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs.getParent())) {
            throw new java.nio.file.NoSuchFileException(abs.getParent().toString(), null,
                    "the folder of " + target + " does not exist (vnextract does not create folders)");
        }
        Path part = partOf(abs);
        Path jp = journalOf(abs);
        FileChannel journal = FileChannel.open(jp, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = journal.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // this JVM already holds it
        } catch (IOException e) {
            journal.close();
            throw e;
        }
        if (lock == null) {
            journal.close();
            throw new IOException("another run is writing " + target + " (" + jp.getFileName() + " is locked)");
        }
        try {
            BitSet done = new BitSet();
            long verified = 0;
            // a unit is trusted only if the part file still holds all its bytes: after a copy, a
            // restore or a disk problem the part may be shorter, and the units past its end are done again
            long partSize = Files.exists(part) ? Files.size(part) : 0;
            long rejected = 0;
            long journalValid;
            String content = new String(readAll(journal), StandardCharsets.UTF_8);
            String header = MAGIC + " " + inputKey;
            if (content.isEmpty()) {
                journalValid = 0;
            } else {
                int nl = content.indexOf('\n');
                String first = nl < 0 ? content : content.substring(0, nl);
                if (nl < 0 || !first.startsWith(MAGIC + " ")) {
                    journalValid = 0; // torn header: nothing was verified
                } else if (!first.equals(header)) {
                    throw new ResumeMismatch("the journal " + jp + " was written for other inputs or options;"
                            + " run again with the same ones, or delete it and " + part.getFileName() + " to start afresh");
                } else {
                    journalValid = first.getBytes(StandardCharsets.UTF_8).length + 1;
                    int at = nl + 1;
                    while (at < content.length()) {
                        int end = content.indexOf('\n', at);
                        if (end < 0) {
                            break; // torn last line
                        }
                        String line = content.substring(at, end);
                        Unit u = Unit.parse(line);
                        if (u == null || u.length > partSize) {
                            break; // corrupt, or its records are gone from the part file: this unit and the rest are done again
                        }
                        verified = u.length;
                        rejected += u.rejected;
                        u.addTo(done);
                        at = end + 1;
                        journalValid += line.getBytes(StandardCharsets.UTF_8).length + 1;
                    }
                }
            }
            FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long size = out.size();
            if (size < verified) {
                // the part file shrank between the size check and the open: nothing can be trusted
                out.close();
                throw new IOException(part + " is shorter than its journal says (" + size + " < " + verified
                        + " bytes); delete it and " + jp.getFileName() + " to start afresh");
            }
            out.truncate(verified);
            out.position(verified);
            out.force(true);
            journal.truncate(journalValid);
            journal.position(journalValid);
            if (journalValid == 0) {
                journal.write(ByteBuffer.wrap((header + "\n").getBytes(StandardCharsets.UTF_8)));
                journal.force(true);
            }
            return new ResumableOutput(abs, part, jp, out, journal, lock, done, verified, rejected, unitRecords, unitMillis);
        } catch (IOException | RuntimeException e) {
            lock.release();
            journal.close();
            throw e;
        }
    }

    /** Whether {@code position} was done in an earlier run (its record is already in the output). */
    public boolean isDone(long position) {
        return position <= Integer.MAX_VALUE && done.get((int) position);
    }

    /** How many positions earlier runs completed. */
    public long resumedPositions() {
        return resumedPositions;
    }

    /** How many sources earlier runs rejected (for the exit code). */
    public long resumedRejected() {
        return resumedRejected;
    }

    /** Appends a record for {@code position}; it is verified with the unit it belongs to. */
    public void write(long position, ArticleRecord record) throws IOException {
        append((json.toLine(record) + "\n").getBytes(StandardCharsets.UTF_8));
        completed(position);
    }

    /** Marks {@code position} done without a record (its source was rejected). */
    public void rejected(long position) throws IOException {
        unitRejected++;
        completed(position);
    }

    private void completed(long position) throws IOException {
        if (position > Integer.MAX_VALUE) {
            throw new IOException("resume supports at most " + Integer.MAX_VALUE + " inputs per run");
        }
        unitPositions.add(position);
        if (unitPositions.size() >= unitRecords || System.nanoTime() - unitStart >= unitNanos) {
            commitUnit();
        }
    }

    private void append(byte[] line) throws IOException {
        if (bufLen + line.length > buf.length) {
            flushBuffer();
            if (line.length > buf.length) {
                buf = new byte[line.length];
            }
        }
        System.arraycopy(line, 0, buf, bufLen, line.length);
        bufLen += line.length;
    }

    private void flushBuffer() throws IOException {
        ByteBuffer b = ByteBuffer.wrap(buf, 0, bufLen);
        while (b.hasRemaining()) {
            length += out.write(b);
        }
        bufLen = 0;
    }

    /** Makes the records written so far durable and journals their positions. */
    public void commitUnit() throws IOException {
        unitStart = System.nanoTime();
        if (unitPositions.isEmpty()) {
            return;
        }
        flushBuffer();
        out.force(false);
        String body = "u " + length + " " + unitRejected + " " + ranges(unitPositions);
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        ByteBuffer line = ByteBuffer.wrap((body + " *" + Long.toHexString(crc.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            journal.write(line);
        }
        journal.force(false);
        for (long p : unitPositions) {
            done.set((int) p);
        }
        unitPositions.clear();
        unitRejected = 0;
    }

    /** Commits the last unit, renames the part file over the target and deletes the journal. */
    public void finish() throws IOException {
        commitUnit();
        out.force(true);
        out.close();
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        finished = true;
        lock.release();
        journal.close();
        Files.deleteIfExists(journalPath);
    }

    /** Without {@link #finish()}, commits what is complete and leaves part file and journal to resume from. */
    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        try {
            commitUnit();
        } finally {
            out.close();
            if (lock.isValid()) {
                lock.release();
            }
            journal.close();
        }
    }

    static String ranges(List<Long> positions) {
        long[] p = positions.stream().mapToLong(Long::longValue).sorted().toArray();
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < p.length) {
            int j = i;
            while (j + 1 < p.length && p[j + 1] == p[j] + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(p[i]);
            if (j > i) {
                sb.append('-').append(p[j]);
            }
            i = j + 1;
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }

    private static byte[] readAll(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("journal too large");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size);
        ch.position(0);
        while (b.hasRemaining() && ch.read(b) >= 0) {
            // keep reading until full
        }
        return b.array();
    }

    /** One verified journal line. */
    private record Unit(long length, long rejected, long[] from, long[] to) {
        static Unit parse(String line) {
            int star = line.lastIndexOf(" *");
            if (star < 0 || !line.startsWith("u ")) {
                return null;
            }
            String body = line.substring(0, star);
            CRC32 crc = new CRC32();
            crc.update(body.getBytes(StandardCharsets.UTF_8));
            if (!Long.toHexString(crc.getValue()).equals(line.substring(star + 2))) {
                return null;
            }
            String[] f = body.split(" ");
            if (f.length != 4) {
                return null;
            }
            try {
                long len = Long.parseLong(f[1]);
                long rej = Long.parseLong(f[2]);
                if (f[3].equals("-")) {
                    return new Unit(len, rej, new long[0], new long[0]);
                }
                String[] rs = f[3].split(",");
                long[] from = new long[rs.length];
                long[] to = new long[rs.length];
                for (int i = 0; i < rs.length; i++) {
                    int dash = rs[i].indexOf('-');
                    from[i] = Long.parseLong(dash < 0 ? rs[i] : rs[i].substring(0, dash));
                    to[i] = dash < 0 ? from[i] : Long.parseLong(rs[i].substring(dash + 1));
                    if (from[i] < 0 || to[i] < from[i] || to[i] > Integer.MAX_VALUE) {
                        return null;
                    }
                }
                return new Unit(len, rej, from, to);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        void addTo(BitSet done) {
            for (int i = 0; i < from.length; i++) {
                done.set((int) from[i], (int) to[i] + 1);
            }
        }
    }

    /** The journal belongs to another set of inputs or options. */
    public static final class ResumeMismatch extends IOException {
        private static final long serialVersionUID = 1L;

        ResumeMismatch(String message) {
            super(message);
        }
    }
}
