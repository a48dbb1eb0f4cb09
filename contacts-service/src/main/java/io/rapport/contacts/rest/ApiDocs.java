package io.rapport.contacts.rest;

/** Examples shared by the OpenAPI annotations of the resources. */
final class ApiDocs {

    private ApiDocs() {
    }

    static final String PROBLEM = "application/problem+json";

    static final String VALIDATION_EXAMPLE = """
        {"type": "https://rapport.example/problems/validation", "title": "Validation failed", "status": 400,
         "detail": "2 fields are invalid", "instance": "/api/v1/contacts",
         "errors": [{"field": "email", "message": "must be a well-formed email address"},
                    {"field": "seniority", "message": "must be one of EXECUTIVE, SENIOR_MANAGER, MANAGER, STAFF"}]}""";
    static final String NOT_FOUND_EXAMPLE = """
        {"type": "https://rapport.example/problems/not-found", "title": "Not found", "status": 404,
         "detail": "contact 7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6 does not exist",
         "instance": "/api/v1/contacts/7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"}""";
    static final String CONFLICT_EXAMPLE = """
        {"type": "https://rapport.example/problems/conflict", "title": "Conflict", "status": 409,
         "detail": "another contact already has this email", "instance": "/api/v1/contacts"}""";
    static final String UNIT_IN_USE_EXAMPLE = """
        {"type": "https://rapport.example/problems/conflict", "title": "Conflict", "status": 409,
         "detail": "business unit HR still has contacts; move them first",
         "instance": "/api/v1/business-units/0b6f3c1e-2a5d-4c8e-9f10-1a2b3c4d5e6f"}""";
    static final String STALE_EXAMPLE = """
        {"type": "https://rapport.example/problems/stale-version", "title": "Precondition failed", "status": 412,
         "detail": "the resource changed since you read it (current ETag \\"4\\"); read it again and retry",
         "instance": "/api/v1/contacts/7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"}""";
    static final String IF_MATCH_REQUIRED_EXAMPLE = """
        {"type": "https://rapport.example/problems/if-match-required", "title": "Precondition required", "status": 428,
         "detail": "this update needs an If-Match header with the ETag you read",
         "instance": "/api/v1/contacts/7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"}""";
    static final String IDEMPOTENCY_MISMATCH_EXAMPLE = """
        {"type": "https://rapport.example/problems/unprocessable", "title": "Unprocessable request", "status": 422,
         "detail": "this Idempotency-Key was used with a different request body", "instance": "/api/v1/contacts"}""";

    static final String IDEMPOTENCY_KEY_DESCRIPTION = "Makes the POST safe to retry: a repeat with the same key and "
        + "the same body returns the first response (header Idempotent-Replayed: true) and creates nothing; with "
        + "another body, 422. 1–200 characters.";
    static final String ETAG_DESCRIPTION = "Its version, for If-Match and If-None-Match";
    static final String IF_MATCH_DESCRIPTION = "The ETag of the version you read (e.g. \"3\"); missing → 428, "
        + "not the current version → 412";

    static final String BUSINESS_UNIT_EXAMPLE = """
        {"id": "0b6f3c1e-2a5d-4c8e-9f10-1a2b3c4d5e6f", "code": "HR", "name": "Human Resources", "parentId": null,
         "version": 1, "createdAt": "2026-11-25T10:00:00Z", "updatedAt": "2026-11-25T10:00:00Z"}""";
    static final String BUSINESS_UNIT_REQUEST_EXAMPLE = """
        {"code": "HR", "name": "Human Resources", "parentId": null}""";
    static final String CONTACT_EXAMPLE = """
        {"id": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6", "fullName": "Priya Shah", "email": "priya.shah@example.com",
         "phone": "+44 20 7946 0000", "jobTitle": "HR Business Partner",
         "businessUnitId": "0b6f3c1e-2a5d-4c8e-9f10-1a2b3c4d5e6f", "seniority": "MANAGER",
         "expertise": ["recruitment", "secondments"], "owner": {"name": "Sam Lee", "email": "sam.lee@example.com"},
         "status": "ACTIVE", "kind": "INTERNAL", "notes": "Prefers morning meetings", "cadenceDays": 30,
         "influence": "HIGH", "interest": "MEDIUM", "stance": "SUPPORTER", "version": 3,
         "createdAt": "2026-11-25T10:00:00Z", "updatedAt": "2026-11-26T08:30:00Z"}""";
    static final String CONTACT_REQUEST_EXAMPLE = """
        {"fullName": "Priya Shah", "email": "priya.shah@example.com", "phone": "+44 20 7946 0000",
         "jobTitle": "HR Business Partner", "businessUnitId": "0b6f3c1e-2a5d-4c8e-9f10-1a2b3c4d5e6f",
         "seniority": "MANAGER", "expertise": ["recruitment", "secondments"],
         "owner": {"name": "Sam Lee", "email": "sam.lee@example.com"}, "notes": "Prefers morning meetings",
         "cadenceDays": 30, "influence": "HIGH", "interest": "MEDIUM", "stance": "SUPPORTER"}""";
    static final String ERASED_EXAMPLE = """
        {"id": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6", "fullName": null, "email": null, "phone": null,
         "jobTitle": null, "businessUnitId": "0b6f3c1e-2a5d-4c8e-9f10-1a2b3c4d5e6f", "seniority": null,
         "expertise": [], "owner": null, "status": "ERASED", "kind": "INTERNAL", "notes": null, "cadenceDays": null,
         "influence": null, "interest": null, "stance": null, "version": 4,
         "createdAt": "2026-11-25T10:00:00Z", "updatedAt": "2026-11-27T09:00:00Z"}""";
    static final String ROLE_EXAMPLE = """
        {"id": "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c", "contactId": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6",
         "projectCode": "ERP-2027", "projectName": "ERP replacement", "role": "SPONSOR",
         "startDate": "2026-01-01", "endDate": "2027-03-31", "open": true, "version": 1}""";
    static final String ROLE_REQUEST_EXAMPLE = """
        {"projectCode": "ERP-2027", "projectName": "ERP replacement", "role": "SPONSOR",
         "startDate": "2026-01-01", "endDate": "2027-03-31"}""";
    static final String IMPORT_CSV_EXAMPLE = """
        fullName,email,phone,jobTitle,businessUnitCode,seniority,expertise,ownerName,ownerEmail,cadenceDays,influence,interest,stance
        Priya Shah,priya.shah@example.com,+44 20 7946 0000,HR Business Partner,HR,MANAGER,recruitment;secondments,Sam Lee,sam.lee@example.com,30,HIGH,MEDIUM,SUPPORTER
        "Okafor, Chidi",chidi.okafor@example.com,,Financial Controller,FIN,SENIOR_MANAGER,budgeting,,,,,,
        """;
    static final String IMPORT_REPORT_EXAMPLE = """
        {"imported": 9998, "rejected": [{"line": 17, "errors": ["email: must be a well-formed email address"]},
         {"line": 42, "errors": ["businessUnitCode: no business unit has this code"]}]}""";
}
