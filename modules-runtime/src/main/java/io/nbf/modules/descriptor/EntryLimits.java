package io.nbf.modules.descriptor;

import static io.nbf.modules.messages.RuntimeMessages.MSG;

import io.nbf.api.management.InvalidBundleException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * How much nbf reads of a bundle JAR, so that a hostile or broken JAR (a "zip bomb" entry that inflates to
 * gigabytes) is rejected instead of running the host out of memory. Every entry nbf itself reads is read
 * through {@link #read}: its declared size is checked first, then the bytes actually inflated, since a
 * declared size can lie. Past a limit the bundle is rejected with NBF1507 (NBF1508 for the entry count).
 */
public final class EntryLimits {

    /** Largest {@value BundleDescriptor#RESOURCE} nbf reads: 64 KiB. */
    public static final int DESCRIPTOR_BYTES = 64 * 1024;
    /** Largest {@code META-INF/services/<spi>} file nbf reads: 64 KiB. */
    public static final int SERVICE_FILE_BYTES = 64 * 1024;
    /** Largest {@code META-INF/MANIFEST.MF} nbf accepts (the JDK and JBoss Modules read it): 64 KiB. */
    public static final int MANIFEST_BYTES = 64 * 1024;
    /** Largest declared size of a {@code .class} entry (JBoss Modules reads that many bytes): 16 MiB. */
    public static final long CLASS_BYTES = 16L * 1024 * 1024;
    /** Most entries a bundle JAR may have: 65,536. */
    public static final int ENTRIES = 65_536;

    private EntryLimits() {
    }

    /**
     * Reads a whole entry, at most {@code limit} bytes.
     *
     * @throws InvalidBundleException (NBF1507) naming the file, the entry and the limit, if the entry is larger
     * @throws IOException if the JAR cannot be read
     */
    public static byte[] read(Path source, ZipFile jar, ZipEntry entry, int limit) throws IOException {
        checkDeclared(source, entry, limit);
        try (InputStream in = jar.getInputStream(entry)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(entry.getSize(), 256), limit));
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1L - total))) > 0; ) {
                total += n;
                if (total > limit) {
                    throw MSG.entryTooLarge(source, entry.getName(), MSG.moreThan(limit), limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /**
     * @throws InvalidBundleException (NBF1507) if the entry declares more than {@code limit} bytes
     */
    public static void checkDeclared(Path source, ZipEntry entry, long limit) {
        long declared = entry.getSize();
        if (declared > limit) {
            throw MSG.entryTooLarge(source, entry.getName(), MSG.ofBytes(declared), limit);
        }
    }
}
