package io.rapport.engagement.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.engagement.domain.ContactRef;
import io.rapport.engagement.domain.ContactRefRepository;
import io.rapport.engagement.domain.ContactStatus;
import io.rapport.platform.problem.FieldError;
import io.rapport.platform.problem.ProblemException;

/**
 * Answers from the read model of contacts whether contacts may take part in something new: a
 * contact that is unknown, has left or was erased is refused (422, naming each one).
 */
@ApplicationScoped
public class ContactDirectory {

    private final ContactRefRepository contacts;

    public ContactDirectory(ContactRefRepository contacts) {
        this.contacts = contacts;
    }

    /**
     * Checks every id not in {@code alreadyAccepted} (those were valid when first recorded and stay
     * valid); returns the read model of all the ids found.
     *
     * @param field the JSON path of the i-th id in the request
     */
    public Map<UUID, ContactRef> requireActive(List<UUID> ids, Set<UUID> alreadyAccepted, IntFunction<String> field) {
        Map<UUID, ContactRef> found = contacts.findContactsByIds(ids);
        List<FieldError> errors = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            if (alreadyAccepted.contains(id)) {
                continue;
            }
            ContactRef ref = found.get(id);
            String problem = ref == null ? "is unknown"
                : ref.status == ContactStatus.LEFT ? "has left"
                : ref.status == ContactStatus.ERASED ? "was erased"
                : null;
            if (problem != null) {
                errors.add(new FieldError(field.apply(i), "contact " + id + " " + problem));
                refused.add(id + " " + problem);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(
                (errors.size() == 1 ? "1 contact cannot" : errors.size() + " contacts cannot") + " take part: "
                    + String.join("; ", refused), errors);
        }
        return found;
    }
}
