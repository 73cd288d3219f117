package dev.connect.oauth.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.jooq.DSLContext;
import org.jooq.ExecuteListenerProvider;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The start-up fast path of {@link SchemaMigrations}: whether Flyway's history already records
 * every migration this build bundles, applied successfully, and no failed one, read with one
 * query and without loading Flyway, whose class loading, classpath scan and validation took
 * about two of the four seconds of a restart on a current schema.
 *
 * <p>Anything this check cannot judge sends the start down Flyway's full path, which is never
 * wrong, only slower: no history table yet (a new database), a version of this build missing from
 * the history (a pending migration, or one another node is applying under the migration lease), a
 * failed history row (a cut migration to clear), a repeatable or unrecognised file among the
 * migrations, or a migration location that cannot be listed. What the fast path does not compare
 * is the checksum of each applied script: an applied migration is never edited (a schema change is
 * a new file), and a start that brings a new migration still runs Flyway's full validation.
 */
final class AppliedSchemaCheck {
    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.+\\.sql");
    private static final Table<?> HISTORY = DSL.table(DSL.name("flyway_schema_history"));
    private static final Field<String> VERSION = DSL.field(DSL.name("version"), SQLDataType.VARCHAR(50));
    private static final Field<Boolean> SUCCESS = DSL.field(DSL.name("success"), SQLDataType.BOOLEAN);

    private AppliedSchemaCheck() {
    }

    /** Whether the history records every migration of this build's classpath as applied, and no failure. */
    static boolean isApplied(DSLContext dsl) {
        Objects.requireNonNull(dsl, "dsl");
        return bundledVersions(AppliedSchemaCheck.class.getClassLoader())
                .map(bundled -> isApplied(dsl, bundled))
                .orElse(false);
    }

    /** Whether the history records every version of {@code bundled} as applied, and no failure. */
    static boolean isApplied(DSLContext dsl, Set<String> bundled) {
        Objects.requireNonNull(bundled, "bundled");
        // A start-up read that belongs to no request: without the execute listeners (no trace span,
        // and none with an error event for a database that has no history yet).
        DSLContext untraced = DSL.using(dsl.configuration().derive().set(new ExecuteListenerProvider[0]));
        List<Record2<String, Boolean>> history;
        try {
            history = untraced.select(VERSION, SUCCESS).from(HISTORY).fetch();
        } catch (DataAccessException noHistoryYet) {
            return false;
        }
        Set<String> applied = new HashSet<>();
        for (Record2<String, Boolean> row : history) {
            if (!Boolean.TRUE.equals(row.value2())) {
                return false;
            }
            // Flyway's own rows (the empty baseline, a schema creation) carry no version or a lower one.
            Optional.ofNullable(row.value1()).flatMap(AppliedSchemaCheck::normalised).ifPresent(applied::add);
        }
        return !bundled.isEmpty() && applied.containsAll(bundled);
    }

    /**
     * The normalised versions of the migrations in every {@code db/migration} folder on the
     * classpath of {@code loader}; empty when a folder holds anything but versioned SQL
     * migrations or cannot be listed.
     */
    static Optional<Set<String>> bundledVersions(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        List<String> names = new ArrayList<>();
        try {
            for (URL folder : Collections.list(loader.getResources(LOCATION))) {
                names.addAll(fileNames(folder));
            }
        } catch (IOException | UncheckedIOException | URISyntaxException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
        return versionsOf(names);
    }

    /** The normalised versions of {@code fileNames}; empty unless every one is a versioned SQL migration. */
    static Optional<Set<String>> versionsOf(List<String> fileNames) {
        Set<String> versions = new HashSet<>();
        for (String name : fileNames) {
            Matcher versioned = VERSIONED.matcher(name);
            if (!versioned.matches()) {
                return Optional.empty();
            }
            normalised(versioned.group(1)).ifPresent(versions::add);
        }
        return versions.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(versions));
    }

    /**
     * A version as Flyway compares them: parts split at dots or underscores, read as numbers, trailing
     * zero parts dropped ({@code 1.0} is {@code 1}); empty when it is not such a version.
     */
    static Optional<String> normalised(String version) {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : version.split("[._]", -1)) {
            if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            parts.add(new BigInteger(part));
        }
        while (parts.size() > 1 && parts.getLast().signum() == 0) {
            parts.removeLast();
        }
        return Optional.of(String.join(".", parts.stream().map(BigInteger::toString).toList()));
    }

    private static List<String> fileNames(URL folder) throws IOException, URISyntaxException {
        switch (folder.getProtocol()) {
            case "file" -> {
                try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                    return files.map(file -> file.getFileName().toString()).toList();
                }
            }
            case "jar" -> {
                // The class loader's own open copy of the jar: not closed here. Entries of subfolders
                // keep their slash, which no versioned name has: Flyway scans subfolders too. A
                // multi-release jar (the server's) names the folder with its trailing slash already.
                JarURLConnection connection = (JarURLConnection) folder.openConnection();
                String entry = connection.getEntryName();
                String prefix = entry.endsWith("/") ? entry : entry + "/";
                return connection.getJarFile().stream()
                        .map(ZipEntry::getName)
                        .filter(name -> name.startsWith(prefix) && name.length() > prefix.length())
                        .map(name -> name.substring(prefix.length()))
                        .toList();
            }
            default -> throw new IllegalArgumentException("Cannot list " + folder);
        }
    }
}
