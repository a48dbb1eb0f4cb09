package io.rapport.contacts.rest.dto;

/** The raw query parameters of GET /api/v1/contacts; the service validates them all at once. */
public record ContactListParams(String q, String businessUnitId, String includeSubUnits, String tag, String seniority,
                                String owner, String status, String kind, String page, String size, String sort) {
}
