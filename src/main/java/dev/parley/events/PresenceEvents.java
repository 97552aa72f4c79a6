package dev.parley.events;

import dev.parley.chat.MemberRepository;
import dev.parley.delivery.Delivery;
import dev.parley.delivery.Route;
import dev.parley.protocol.ServerFrame;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Tells a user's contacts (who share a direct chat or a group with them) about their presence. */
@ApplicationScoped
public class PresenceEvents {

    private final MemberRepository members;
    private final Delivery delivery;

    PresenceEvents(MemberRepository members, Delivery delivery) {
        this.members = members;
        this.delivery = delivery;
    }

    @WithSession
    public Uni<Void> status(long userId, String status) {
        return members.contacts(userId).chain(contacts -> delivery.toUsers(contacts,
                new ServerFrame.UserStatus(userId, status, Instant.now()), Route.DIRECT));
    }

    @WithSession
    public Uni<Void> offline(long userId, Instant lastSeen) {
        return members.contacts(userId).chain(contacts -> delivery.toUsers(contacts,
                new ServerFrame.UserOffline(userId, lastSeen, Instant.now()), Route.DIRECT));
    }
}
