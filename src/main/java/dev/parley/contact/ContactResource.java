package dev.parley.contact;

import dev.parley.auth.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.List;

/** {@code GET /api/v1/contacts}: who the caller may message, with their presence; the page's sidebar. */
@Path("/api/v1/contacts")
@Authenticated
public class ContactResource {

    private final Contacts contacts;
    private final CurrentCaller caller;

    ContactResource(Contacts contacts, CurrentCaller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @GET
    public Uni<List<Contact>> list(@QueryParam("q") String query, @QueryParam("limit") Integer limit,
                                   @QueryParam("offset") Integer offset) {
        return contacts.find(caller.get().id(), query, limit, offset);
    }
}
