package io.nbf.modules.loader;

import static io.nbf.modules.messages.RuntimeMessages.MSG;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Collection;
import java.util.Iterator;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.jboss.modules.ClassSpec;
import org.jboss.modules.IterableResourceLoader;
import org.jboss.modules.PackageSpec;
import org.jboss.modules.PathUtils;
import org.jboss.modules.Resource;

/**
 * A bundle JAR's resource loader: JBoss Modules' JAR loader for classes and packages, but resources
 * whose {@code jar:} URLs read through the module's own open {@link JarFile}.
 *
 * <p>Why: JBoss Modules' {@code getResource} connects each resource URL it hands out, and the JDK's
 * {@code jar:} handler caches a second {@code JarFile} for it in a JVM-wide cache that nothing ever
 * closes. One {@code ClassLoader.getResource} (every {@code ServiceLoader} lookup does one) would keep
 * the bundle file open, and its disk space taken, after uninstall. Here nothing is cached and
 * {@link #close()} closes the only {@code JarFile} there is; a URL used after that fails with an
 * {@link IOException} naming the uninstalled JAR.
 */
final class BundleJarResources implements IterableResourceLoader {

    private final IterableResourceLoader delegate;
    private final JarFile jarFile;
    private final String jarUri;
    private final URLStreamHandler handler = new Handler();
    private volatile boolean closed;

    BundleJarResources(IterableResourceLoader delegate, JarFile jarFile, URI jarUri) {
        this.delegate = delegate;
        this.jarFile = jarFile;
        this.jarUri = jarUri.toString();
    }

    @Override
    public ClassSpec getClassSpec(String fileName) throws IOException {
        return delegate.getClassSpec(fileName);
    }

    @Override
    public PackageSpec getPackageSpec(String name) throws IOException {
        return delegate.getPackageSpec(name);
    }

    @Override
    public String getLibrary(String name) {
        return delegate.getLibrary(name);
    }

    @Override
    public Collection<String> getPaths() {
        return delegate.getPaths();
    }

    @Override
    public URI getLocation() {
        return delegate.getLocation();
    }

    @Override
    public Resource getResource(String name) {
        if (closed) {
            return null;
        }
        String path = PathUtils.canonicalize(PathUtils.relativize(name));
        JarEntry entry = jarFile.getJarEntry(path);
        return entry == null ? null : new EntryResource(entry);
    }

    @Override
    public Iterator<Resource> iterateResources(String startPath, boolean recursive) {
        Iterator<Resource> found = delegate.iterateResources(startPath, recursive);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return found.hasNext();
            }

            @Override
            public Resource next() {
                Resource r = found.next();
                JarEntry entry = jarFile.getJarEntry(r.getName());
                return entry == null ? r : new EntryResource(entry);
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        delegate.close(); // closes the JarFile
    }

    private URL urlOf(String entryName) {
        try {
            return new URL(null, "jar:" + jarUri + "!/" + entryName, handler);
        } catch (MalformedURLException e) {
            throw MSG.noResourceUrl(entryName, jarUri, e);
        }
    }

    private final class EntryResource implements Resource {
        private final JarEntry entry;

        EntryResource(JarEntry entry) {
            this.entry = entry;
        }

        @Override
        public String getName() {
            return entry.getName();
        }

        @Override
        public URL getURL() {
            return urlOf(entry.getName());
        }

        @Override
        public InputStream openStream() throws IOException {
            return open(entry.getName());
        }

        @Override
        public long getSize() {
            long size = entry.getSize();
            return size == -1 ? 0 : size;
        }
    }

    private InputStream open(String entryName) throws IOException {
        if (closed) {
            throw MSG.jarOfUninstalledBundle(jarUri);
        }
        JarEntry entry = jarFile.getJarEntry(entryName);
        if (entry == null) {
            throw MSG.resourceNotFound(entryName, jarUri);
        }
        return jarFile.getInputStream(entry);
    }

    /** Opens this bundle's {@code jar:} URLs on its open JarFile. */
    private final class Handler extends URLStreamHandler {
        @Override
        protected URLConnection openConnection(URL url) throws IOException {
            return new Connection(url);
        }
    }

    /**
     * A {@link JarURLConnection}, so code that inspects the connection (e.g. resource scanners) works.
     * It reports {@code useCaches = true} because the JarFile it hands out is shared: callers must not close it.
     */
    private final class Connection extends JarURLConnection {
        Connection(URL url) throws MalformedURLException {
            super(url);
            super.setUseCaches(true);
        }

        @Override
        public void setUseCaches(boolean usecaches) {
            // shared JarFile: never handed out as the caller's to close
        }

        @Override
        public void connect() throws IOException {
            if (closed) {
                throw MSG.jarOfUninstalledBundle(jarUri);
            }
            connected = true;
        }

        @Override
        public JarFile getJarFile() throws IOException {
            connect();
            return jarFile;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            connect();
            String entryName = getEntryName();
            if (entryName == null) {
                throw MSG.noEntryName(getURL());
            }
            return open(entryName);
        }

        @Override
        public long getContentLengthLong() {
            try {
                JarEntry e = getJarEntry();
                return e == null ? -1 : e.getSize();
            } catch (IOException e) {
                return -1;
            }
        }
    }
}
