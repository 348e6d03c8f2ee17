package dev.tiesgraph.launcher;

import java.net.BindException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community in-process so that ties-graph works on machines without Docker.
 *
 * <p>Configured entirely through environment variables so the Node side can start it without a
 * config file. Prints exactly one line starting with {@code NEO4J_READY} once Bolt accepts
 * connections; the Node side waits for that line. Failures the user can fix (port taken, store
 * locked) are reported as one line starting with {@code NEO4J_FAILED} and exit code 2, not as a
 * stack trace.
 */
public final class Neo4jLauncher {

    private static final int EXIT_USER_ERROR = 2;

    private Neo4jLauncher() {}

    public static void main(String[] args) {
        String dataDir = env("TIES_NEO4J_HOME", ".data/neo4j");
        int port = Integer.parseInt(env("TIES_NEO4J_BOLT_PORT", "7687"));
        long pageCacheMb = Long.parseLong(env("TIES_NEO4J_PAGECACHE_MB", "256"));
        String password = System.getenv("TIES_NEO4J_PASSWORD");

        Path home = Path.of(dataDir).toAbsolutePath();
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                    .setConfig(GraphDatabaseSettings.auth_enabled, password != null && !password.isEmpty())
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .build();
        } catch (RuntimeException e) {
            fail(explain(e, home, port), e);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // The shutdown hook runs on SIGTERM and SIGINT; shutting the DBMS down flushes the
            // transaction log so that every committed transaction is there on the next start.
            System.out.println("NEO4J_STOPPING");
            dbms.shutdown();
            stopped.countDown();
            System.out.println("NEO4J_STOPPED");
        }, "neo4j-shutdown"));

        if (password != null && !password.isEmpty()) {
            try {
                // Community edition has no initial-password setting for an embedded DBMS, so the
                // password from the environment is applied on every start: it stays the source of
                // truth, and a changed NEO4J_PASSWORD takes effect on the next start.
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                        Map.of("password", password));
            } catch (RuntimeException e) {
                // "cannot be the same" means an earlier start already set it: nothing to change.
                if (!rootMessage(e).contains("Old password and new password cannot be the same")) {
                    fail("could not set the neo4j user's password: " + rootMessage(e), e);
                    return;
                }
            }
        }

        System.out.println("NEO4J_READY bolt://127.0.0.1:" + port + " data=" + home);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String explain(Throwable error, Path home, int port) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BindException || t.getClass().getSimpleName().equals("PortBindException")) {
                return "port " + port + " on 127.0.0.1 is already in use; stop what uses it or set NEO4J_BOLT_PORT";
            }
            if (t.getClass().getSimpleName().equals("FileLockException")
                    || String.valueOf(t.getMessage()).contains("locked by another process")) {
                return "the data directory " + home
                        + " is locked by another Neo4j process; stop it or set NEO4J_DATA_DIR to another directory";
            }
        }
        return rootMessage(error);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void fail(String message, Throwable error) {
        System.out.println("NEO4J_FAILED " + message);
        if (System.getenv("TIES_NEO4J_DEBUG") != null) {
            error.printStackTrace();
        }
        System.exit(EXIT_USER_ERROR);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
