package dev.connect.oauth.bootstrap;

import dev.connect.oauth.application.port.in.BootstrapAdminCommand;
import dev.connect.oauth.application.port.in.CreatedAccount;
import dev.connect.oauth.domain.OAuthException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The command line: {@code serve} (the default), {@code create-admin}, {@code rotate-keys},
 * {@code rewrap-keys}, {@code migrate}. Configuration comes from the environment (see {@link ServerConfig}).
 */
public final class Main {
    /** How the README runs the server (it passes its arguments on to {@code java -jar connect-oauth.jar}). */
    private static final String COMMAND = "bin/connect-oauth";
    private static final String USAGE = String.join(System.lineSeparator(),
            "Usage: " + COMMAND + " [command]",
            "  serve                                      run the server (default)",
            "  create-admin --email EMAIL [--name NAME]   create an admin and print its API key once",
            "  rotate-keys                                start signing with a new key (old keys stay published)",
            "  rewrap-keys                                encrypt every stored signing key and client secret with CONNECT_KEK (after a KEK rotation)",
            "  migrate                                    create or upgrade the database schema, then exit",
            "Configuration: CONNECT_* environment variables (see README.md).");

    private Main() {
    }

    public static void main(String[] args) {
        VirtualThreadCarriers.configure();
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String command = args.isEmpty() ? "serve" : args.get(0);
        List<String> options = args.isEmpty() ? List.of() : args.subList(1, args.size());
        try {
            return switch (command) {
                case "serve" -> serve(ServerConfig.fromEnvironment(), out);
                case "create-admin" -> createAdmin(ServerConfig.fromEnvironment(), options, out);
                case "rotate-keys" -> rotateKeys(ServerConfig.fromEnvironment(), out);
                case "rewrap-keys" -> rewrapKeys(ServerConfig.fromEnvironment(), out);
                case "migrate" -> migrate(ServerConfig.fromEnvironment(), out);
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("Unknown command '" + command + "'.");
                    err.println(USAGE);
                    yield 2;
                }
            };
        } catch (ConfigException e) {
            err.println("Configuration error: " + e.getMessage());
            return 2;
        } catch (OAuthException e) {
            err.println(e.description());
            return 2;
        } catch (Exception e) {
            err.println("Connect OAuth failed: " + e);
            return 1;
        }
    }

    private static int serve(ServerConfig config, PrintStream out) throws Exception {
        ConnectServer server = ConnectServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("Shutdown failed: " + e);
            } finally {
                stopped.countDown();
            }
        }, "connect-oauth-shutdown"));
        out.printf("Connect OAuth listening on http://%s:%d, metrics and health on http://%s:%d (issuer %s, %s)."
                        + " First admin: %s create-admin --email you@example.com%n",
                config.httpHost(), server.port(), config.adminHost(), server.adminPort(), config.issuer(),
                config.database().map(db -> "MySQL").orElse("embedded H2 in " + config.dataDir()), COMMAND);
        stopped.await();
        return 0;
    }

    private static int createAdmin(ServerConfig config, List<String> options, PrintStream out) {
        String email = option(options, "--email").orElseThrow(() -> new ConfigException("create-admin needs --email EMAIL"));
        String name = option(options, "--name").orElse("Administrator");
        ServerComponent component = EmbeddedConnect.components(config);
        try {
            CreatedAccount admin = component.bootstrapAdmin()
                    .bootstrap(new BootstrapAdminCommand(email, name, Optional.empty(), false))
                    .orElseThrow();
            out.println("Created admin " + admin.account().email() + " (id " + admin.account().id() + ").");
            out.println("API key (shown once, keep it safe): " + admin.apiKey().key().value());
            return 0;
        } finally {
            component.persistence().orElseThrow().close();
        }
    }

    private static int rotateKeys(ServerConfig config, PrintStream out) {
        ServerComponent component = EmbeddedConnect.components(config);
        try {
            out.println("New signing key " + component.signingKeys().rotate()
                    + " signs within a minute; older keys stay published until their tokens expire.");
            return 0;
        } finally {
            component.persistence().orElseThrow().close();
        }
    }

    /**
     * The last step of a key-encryption key rotation: with {@code CONNECT_KEK} the new key and
     * {@code CONNECT_KEK_PREVIOUS} the old one (as every node runs during the roll), seals every
     * stored signing key and {@code client_secret_jwt} secret with the new key; afterwards the old one
     * can be dropped.
     */
    static int rewrapKeys(ServerConfig config, PrintStream out) {
        ServerComponent component = EmbeddedConnect.components(config);
        try {
            EmbeddedConnect.checkSigningKeys(component);
            int rewrapped = component.signingKeys().rewrap();
            int secrets = component.clientSecrets().rewrap(component.clients());
            out.println("Sealed " + rewrapped + " signing key(s) and " + secrets + " client secret(s) with the current "
                    + "key-encryption key; CONNECT_KEK_PREVIOUS is no longer needed.");
            return 0;
        } finally {
            component.persistence().orElseThrow().close();
        }
    }

    private static int migrate(ServerConfig config, PrintStream out) {
        ServerComponent component = EmbeddedConnect.components(config);
        int applied = component.persistence().orElseThrow().schemaMigration().applied();
        component.persistence().orElseThrow().close();
        out.println("Database schema is up to date (" + applied + " migration(s) applied now).");
        return 0;
    }

    private static Optional<String> option(List<String> options, String name) {
        int at = options.indexOf(name);
        if (at < 0 || at + 1 >= options.size()) {
            return Optional.empty();
        }
        return Optional.of(options.get(at + 1));
    }
}
