package io.rapport.contacts.mapping;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.rapport.contacts.domain.Contact;
import io.rapport.contacts.domain.ContactKind;
import io.rapport.contacts.domain.Level;
import io.rapport.contacts.domain.Seniority;
import io.rapport.contacts.domain.Stance;
import io.rapport.contacts.rest.dto.ContactRequest;
import io.rapport.contacts.rest.dto.ContactView;
import io.rapport.contacts.rest.dto.OwnerDto;

@ApplicationScoped
public class ContactMapper {

    public ContactView toView(Contact c, ContactKind kind) {
        OwnerDto owner = c.ownerEmail == null ? null : new OwnerDto(c.ownerName, c.ownerEmail);
        return new ContactView(c.id, c.fullName, c.email, c.phone, c.jobTitle, c.businessUnitId, c.seniority,
            c.expertise == null ? List.of() : List.of(c.expertise), owner, c.status, kind, c.notes, c.cadenceDays,
            c.influence, c.interest, c.stance, c.version, c.createdAt, c.updatedAt);
    }

    /** Copies every field of the request except status (the service decides it). */
    public void apply(ContactRequest r, Contact c) {
        c.fullName = r.fullName().trim();
        c.email = r.email().trim();
        c.phone = blankToNull(r.phone());
        c.jobTitle = blankToNull(r.jobTitle());
        c.businessUnitId = r.businessUnitId();
        c.seniority = Seniority.valueOf(r.seniority());
        c.expertise = normaliseTags(r.expertise());
        c.ownerName = r.owner() == null ? null : r.owner().name().trim();
        c.ownerEmail = r.owner() == null ? null : r.owner().email().trim();
        c.notes = blankToNull(r.notes());
        c.cadenceDays = r.cadenceDays();
        c.influence = r.influence() == null ? null : Level.valueOf(r.influence());
        c.interest = r.interest() == null ? null : Level.valueOf(r.interest());
        c.stance = r.stance() == null ? null : Stance.valueOf(r.stance());
    }

    /** Tags are trimmed, lower-cased and de-duplicated, in their first order. */
    public static String[] normaliseTags(List<String> tags) {
        if (tags == null) {
            return new String[0];
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            unique.add(tag.trim().toLowerCase(Locale.ROOT));
        }
        return unique.toArray(String[]::new);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
