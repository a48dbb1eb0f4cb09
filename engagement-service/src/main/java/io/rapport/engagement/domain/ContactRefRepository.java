package io.rapport.engagement.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ContactRefRepository implements PanacheRepositoryBase<ContactRef, UUID> {

    public Map<UUID, ContactRef> findContactsByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<ContactRef> found = list("contactId in ?1", ids);
        return found.stream().collect(Collectors.toMap(c -> c.contactId, Function.identity()));
    }
}
