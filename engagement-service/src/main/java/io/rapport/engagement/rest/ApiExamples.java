package io.rapport.engagement.rest;

/** Examples the OpenAPI document shows. */
final class ApiExamples {

    static final String PROBLEM_JSON = "application/problem+json";

    static final String ENGAGEMENT_REQUEST = """
        {"type": "SECONDMENT", "title": "Payroll analyst seconded to ERP cut-over",
         "startAt": "2026-09-01T09:00:00Z", "endAt": "2026-11-30T17:00:00Z",
         "participants": [{"contactId": "3f0c8a52-6d0b-4a53-9a0e-2b7f3c1d9e11", "role": "SECONDEE"}],
         "direction": "PMO_RECEIVED", "effortHours": 420, "sentiment": 4,
         "outcome": "Cut-over rehearsal signed off a week early",
         "lead": {"name": "Sam Lee", "email": "sam.lee@example.com"}, "hoursPledged": 480, "hoursDelivered": 0}""";

    static final String ENGAGEMENT = """
        {"id": "6a1f2e3d-4c5b-4a69-8877-665544332211", "type": "SECONDMENT",
         "title": "Payroll analyst seconded to ERP cut-over",
         "startAt": "2026-09-01T09:00:00Z", "endAt": "2026-11-30T17:00:00Z",
         "participants": [{"contactId": "3f0c8a52-6d0b-4a53-9a0e-2b7f3c1d9e11", "role": "SECONDEE",
                           "businessUnitId": "8d2e4b7a-1c3f-4e5d-9a8b-7c6d5e4f3a21"}],
         "direction": "PMO_RECEIVED", "effortHours": 420, "sentiment": 4,
         "outcome": "Cut-over rehearsal signed off a week early",
         "lead": {"name": "Sam Lee", "email": "sam.lee@example.com"},
         "status": "ACTIVE", "hoursPledged": 480, "hoursDelivered": 420, "forumId": null,
         "version": 2, "createdAt": "2026-08-20T10:15:00Z", "updatedAt": "2026-09-01T09:05:00Z"}""";

    static final String ENGAGEMENT_PAGE = "{\"items\": [" + ENGAGEMENT + "], \"page\": 0, \"size\": 20, \"total\": 1}";

    static final String TRANSITION = "{\"to\": \"AGREED\"}";

    static final String FORUM_REQUEST = """
        {"name": "Heads of function forum", "cadence": "MONTHLY",
         "memberIds": ["3f0c8a52-6d0b-4a53-9a0e-2b7f3c1d9e11", "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e"]}""";

    static final String FORUM = """
        {"id": "0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e", "name": "Heads of function forum", "cadence": "MONTHLY",
         "memberIds": ["3f0c8a52-6d0b-4a53-9a0e-2b7f3c1d9e11", "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e"],
         "version": 1, "createdAt": "2026-08-20T10:15:00Z", "updatedAt": "2026-08-20T10:15:00Z"}""";

    static final String FORUM_PAGE = "{\"items\": [" + FORUM + "], \"page\": 0, \"size\": 20, \"total\": 1}";

    static final String OCCURRENCE_REQUEST = """
        {"occurredAt": "2026-11-25T10:00:00Z", "attendeeIds": ["3f0c8a52-6d0b-4a53-9a0e-2b7f3c1d9e11"],
         "effortHours": 1.5}""";

    static final String ATTENDANCE = """
        [{"contactId": "3f0c8a52-6d0b-4a53-9a0e-2b7f3c1d9e11", "attended": 5, "held": 6, "rate": 0.83, "streak": 3,
          "missedInARow": 0},
         {"contactId": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6", "attended": 2, "held": 6, "rate": 0.33, "streak": 0,
          "missedInARow": 4}]""";

    static final String VALIDATION = """
        {"type": "https://rapport.example/problems/validation", "title": "Validation failed", "status": 400,
         "detail": "3 fields are invalid", "instance": "/api/v1/engagements",
         "errors": [{"field": "effortHours", "message": "must be greater than or equal to 0"},
                    {"field": "endAt", "message": "must not be before startAt"},
                    {"field": "sentiment", "message": "must be less than or equal to 5"}]}""";

    static final String BAD_PARAMETERS = """
        {"type": "https://rapport.example/problems/validation", "title": "Validation failed", "status": 400,
         "detail": "2 parameters are invalid", "instance": "/api/v1/engagements",
         "errors": [{"field": "type", "message": "must be one of ONE_TO_ONE, LEADERSHIP_FORUM, SHADOWING, ON_THE_JOB_TRAINING, SECONDMENT, EXPERTISE_EXCHANGE, SME_HOURS, NETWORKING"},
                    {"field": "size", "message": "must be between 1 and 200"}]}""";

    static final String NOT_FOUND = """
        {"type": "https://rapport.example/problems/not-found", "title": "Not found", "status": 404,
         "detail": "engagement 6a1f2e3d-4c5b-4a69-8877-665544332211 does not exist",
         "instance": "/api/v1/engagements/6a1f2e3d-4c5b-4a69-8877-665544332211"}""";

    static final String CONFLICT = """
        {"type": "https://rapport.example/problems/conflict", "title": "Conflict", "status": 409,
         "detail": "a SECONDMENT engagement cannot go from PROPOSED to COMPLETED; allowed: [AGREED, CANCELLED]",
         "instance": "/api/v1/engagements/6a1f2e3d-4c5b-4a69-8877-665544332211/transitions"}""";

    static final String STALE = """
        {"type": "https://rapport.example/problems/stale-version", "title": "Precondition failed", "status": 412,
         "detail": "the resource changed since you read it (current ETag \\"3\\"); read it again and retry",
         "instance": "/api/v1/engagements/6a1f2e3d-4c5b-4a69-8877-665544332211"}""";

    static final String IF_MATCH_REQUIRED = """
        {"type": "https://rapport.example/problems/if-match-required", "title": "Precondition required", "status": 428,
         "detail": "this update needs an If-Match header with the ETag you read",
         "instance": "/api/v1/engagements/6a1f2e3d-4c5b-4a69-8877-665544332211"}""";

    static final String UNPROCESSABLE = """
        {"type": "https://rapport.example/problems/unprocessable", "title": "Unprocessable request", "status": 422,
         "detail": "2 contacts cannot take part: 3f0c8a52-6d0b-4a53-9a0e-2b7f3c1d9e11 has left; 9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b is unknown",
         "instance": "/api/v1/engagements",
         "errors": [{"field": "participants[0].contactId", "message": "contact 3f0c8a52-6d0b-4a53-9a0e-2b7f3c1d9e11 has left"},
                    {"field": "participants[1].contactId", "message": "contact 9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b is unknown"}]}""";

    static final String IDEMPOTENCY_MISMATCH = """
        {"type": "https://rapport.example/problems/unprocessable", "title": "Unprocessable request", "status": 422,
         "detail": "this Idempotency-Key was used with a different request body", "instance": "/api/v1/engagements"}""";

    private ApiExamples() {
    }
}
