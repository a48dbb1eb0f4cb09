package io.rapport.e2e;

import java.nio.file.Path;

import io.rapport.local.kafka.KafkaBrokerProcess;

/**
 * The suite's own Kafka broker, which a fault test may kill (SIGKILL) or stop (SIGTERM) and start again on
 * the same port and data directory: the topics, their records and the consumer groups' offsets survive.
 */
final class RestartableBroker implements AutoCloseable {

    private final int port;
    private final Path dataDir;
    private final Path log;
    private KafkaBrokerProcess broker;

    private RestartableBroker(int port, Path dataDir, Path log) {
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
    }

    static RestartableBroker start(int port, Path dataDir, Path log) {
        RestartableBroker b = new RestartableBroker(port, dataDir, log);
        b.start();
        return b;
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (again) and returns once it is ready. */
    synchronized void start() {
        if (broker == null) {
            broker = KafkaBrokerProcess.start(port, dataDir, 6, log);
        }
    }

    /** SIGKILL, as a crash. */
    synchronized void kill() {
        if (broker != null) {
            broker.kill();
            broker = null;
        }
    }

    /** SIGTERM, a clean shutdown. */
    synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
