package io.rapport.testsupport;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Lets a test stop and restart the Kafka broker that {@link RapportInfrastructureResource} owns (the
 * embedded broker: same port and data directory, so topics and their records survive; a
 * Testcontainers broker: paused and unpaused). A broker the resource did not start (an external
 * {@code KAFKA_BOOTSTRAP_SERVERS}, or one already listening on the port) cannot be controlled.
 *
 * <p>The resource and the test may be loaded by different class loaders (Quarkus runs the test in
 * the application's), so a static field would not be shared: the controls are a platform MBean,
 * which every class loader of the JVM reaches by name.
 */
public final class BrokerControl {

    static final String NAME = "io.rapport.testsupport:type=BrokerControl";

    private BrokerControl() {
    }

    /** The operations of the registered MBean. */
    public interface ControlMBean {
        void stop();

        void start();
    }

    /** True when the resource owns the broker, so {@link #stop()} and {@link #start()} work. */
    public static boolean available() {
        return server().isRegistered(name());
    }

    /** Stops the broker and returns once it no longer accepts connections. */
    public static void stop() {
        invoke("stop");
    }

    /** Starts the stopped broker again on the same address and returns once it is ready. */
    public static void start() {
        invoke("start");
    }

    static void register(Runnable stop, Runnable start) {
        unregister();
        ControlMBean control = new ControlMBean() {
            @Override
            public void stop() {
                stop.run();
            }

            @Override
            public void start() {
                start.run();
            }
        };
        try {
            server().registerMBean(new javax.management.StandardMBean(control, ControlMBean.class), name());
        } catch (JMException e) {
            throw new IllegalStateException("could not register the broker control", e);
        }
    }

    static void unregister() {
        try {
            if (server().isRegistered(name())) {
                server().unregisterMBean(name());
            }
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void invoke(String operation) {
        if (!available()) {
            throw new IllegalStateException("the test infrastructure does not own the Kafka broker, so it cannot "
                + operation + " it (KAFKA_BOOTSTRAP_SERVERS set, or a broker was already listening on RAPPORT_KAFKA_PORT)");
        }
        try {
            server().invoke(name(), operation, new Object[0], new String[0]);
        } catch (JMException e) {
            throw new IllegalStateException("could not " + operation + " the Kafka broker", e);
        }
    }

    private static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    private static ObjectName name() {
        try {
            return new ObjectName(NAME);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
