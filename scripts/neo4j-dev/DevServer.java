// DevServer runs an embedded Neo4j 5.26 Community with its Bolt connector on
// 127.0.0.1, authentication disabled, for Demarche's development and CI. It is
// one source file run without a build step:
//
//	java -cp "$CP" DevServer.java HOME_DIR [PORT] [PAGECACHE]
//
// PORT 0 (the default) picks a free port. PAGECACHE is a Neo4j size such as
// "256m". The server prints "DEVSERVER READY pid=<pid> port=<port>" once Bolt
// listens and shuts the database down cleanly on SIGTERM or SIGINT.
// scripts/neo4j-dev/run drives it; nothing here is meant for production.

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public final class DevServer {
    private static final String HOST = "127.0.0.1";

    private DevServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: DevServer HOME_DIR [PORT] [PAGECACHE]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        if (port == 0) {
            port = freePort();
        }
        long pageCache = ByteUnit.parse(args.length > 2 ? args[2] : "256m");

        long started = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("DEVSERVER STOPPING");
            System.out.flush();
            try {
                dbms.shutdown();
            } finally {
                System.out.println("DEVSERVER STOPPED");
                System.out.flush();
                stopped.countDown();
            }
        }, "devserver-shutdown"));

        // build() returns once the default database is started and Bolt listens.
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("DEVSERVER READY pid=%d port=%d startup_ms=%d%n",
                ProcessHandle.current().pid(), port, ms);
        System.out.flush();
        stopped.await();
    }

    // freePort asks the kernel for a free port on HOST. Another process could take it
    // before Neo4j binds; the run script then sees the start fail and says so.
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
