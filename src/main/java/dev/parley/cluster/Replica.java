package dev.parley.cluster;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** This process's identity in the cluster: new on every start, so a restarted pod is a new replica. */
@ApplicationScoped
public class Replica {

    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }
}
