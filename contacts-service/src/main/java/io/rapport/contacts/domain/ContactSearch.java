package io.rapport.contacts.domain;

import java.util.List;
import java.util.UUID;

/**
 * The filters of a contact list, already validated; null means "any".
 *
 * @param businessUnitIds the unit, with its sub-units when asked for
 */
public record ContactSearch(String q, List<UUID> businessUnitIds, String tag, Seniority seniority, String ownerEmail,
                            ContactStatus status, ContactKind kind, String sortProperty, boolean ascending,
                            int page, int size) {
}
