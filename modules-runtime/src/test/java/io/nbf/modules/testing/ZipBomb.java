package io.nbf.modules.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a JAR with one entry that is small on disk and huge inflated (zeros, deflated ~1000:1), written
 * by streaming, never held in memory. Optionally patches the central directory so the entry declares a small
 * size: a lying size, which only a limit checked while reading catches.
 */
public final class ZipBomb {

    /** 200 MiB of zeros: about 200 KiB on disk. */
    public static final long SIZE = 200L * 1024 * 1024;

    private ZipBomb() {
    }

    /**
     * @param jar the JAR to copy (not changed)
     * @param target where to write the new JAR
     * @param entryName the entry to add, or to replace if {@code jar} has it
     * @param inflated how many zero bytes it inflates to
     * @param declaredSize the size its central directory declares, or -1 for the true size
     */
    public static Path write(Path jar, Path target, String entryName, long inflated, long declaredSize) {
        try {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    if (e.getName().equals(entryName)) {
                        continue;
                    }
                    out.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
                out.putNextEntry(new ZipEntry(entryName));
                zeros(out, inflated);
                out.closeEntry();
            }
            if (declaredSize >= 0) {
                patchDeclaredSize(target, entryName, declaredSize);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void zeros(OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (long left = count; left > 0; left -= buffer.length) {
            out.write(buffer, 0, (int) Math.min(buffer.length, left));
        }
    }

    /** Overwrites the uncompressed size of the entry's central directory header. */
    private static void patchDeclaredSize(Path zip, String entryName, long size) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(zip)) {
            bytes = in.readAllBytes();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = entryName.getBytes(StandardCharsets.UTF_8);
        for (int i = bytes.length - 46; i >= 0; i--) {
            if (b.getInt(i) == 0x02014b50 && (b.getShort(i + 28) & 0xffff) == name.length
                    && java.util.Arrays.equals(bytes, i + 46, i + 46 + name.length, name, 0, name.length)) {
                b.putInt(i + 24, (int) size);
                Files.write(zip, bytes);
                return;
            }
        }
        throw new IllegalStateException("no central directory entry " + entryName + " in " + zip);
    }
}
