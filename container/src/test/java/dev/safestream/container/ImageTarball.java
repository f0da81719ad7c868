package dev.safestream.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The OCI image tarball Jib wrote (an OCI image layout in a plain tar: {@code index.json}, {@code blobs/sha256/*}),
 * read the way an engine reads it: index, then manifest, then config and layers by digest.
 */
final class ImageTarball {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Files whose content the tests read, by path in the image. */
    private static final List<String> READ_CONTENT =
            List.of("etc/passwd", "etc/group", "opt/safestream-server/lib/app/safestream-server.cfg");

    /** One file, directory or link of a layer, path without a leading "./" or trailing "/". */
    record Entry(String path, int mode, long uid, long gid, String linkTarget, boolean directory, String content) {}

    final JsonNode index;
    final JsonNode manifest;
    final JsonNode config;
    /** Each layer's entries by path, in the manifest's order (base first). */
    final List<Map<String, Entry>> layers = new ArrayList<>();

    private final Map<String, byte[]> blobs;

    private ImageTarball(Map<String, byte[]> files) throws IOException {
        this.blobs = files;
        index = JSON.readTree(file("index.json"));
        manifest = JSON.readTree(
                blob(index.path("manifests").path(0).path("digest").asText()));
        config = JSON.readTree(blob(manifest.path("config").path("digest").asText()));
        for (JsonNode layer : manifest.path("layers")) {
            layers.add(entries(blob(layer.path("digest").asText())));
        }
    }

    static ImageTarball read(Path tarball) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile()) {
                    files.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        return new ImageTarball(files);
    }

    byte[] file(String name) {
        byte[] content = blobs.get(name);
        if (content == null) {
            throw new AssertionError("no " + name + " in the tarball; it has " + blobs.keySet());
        }
        return content;
    }

    byte[] blob(String digest) {
        return file("blobs/" + digest.replace(':', '/'));
    }

    /** Where a path is in the image (the last layer that has it wins, as in an engine), or null. */
    Entry find(String path) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Entry e = layers.get(i).get(path);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    int layerOf(String path) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i).containsKey(path)) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Entry> entries(byte[] gzippedTar) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzippedTar));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String path = e.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
                String content = READ_CONTENT.contains(path) ? text(tar) : null;
                String link = e.isSymbolicLink() ? e.getLinkName() : null;
                entries.put(
                        path,
                        new Entry(
                                path,
                                e.getMode(),
                                e.getLongUserId(),
                                e.getLongGroupId(),
                                link,
                                e.isDirectory(),
                                content));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static String text(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
