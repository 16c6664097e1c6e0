package cn.opengov.tracker.platform.eventstore;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/** This process among the nodes sharing the database: the owner name it puts on the segments it claims. */
public record NodeIdentity(String id) {

    public static NodeIdentity generate() {
        return new NodeIdentity(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
    }
}
