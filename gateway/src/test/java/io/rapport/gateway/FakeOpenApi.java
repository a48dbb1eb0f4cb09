package io.rapport.gateway;

/** Canned OpenAPI documents of the three fake services, with clashes the merge must resolve. */
final class FakeOpenApi {

    private FakeOpenApi() {
    }

    static String document(String service) {
        return switch (service) {
            case "contacts" -> """
                {"openapi": "3.1.0", "info": {"title": "contacts-service", "version": "1"},
                 "tags": [{"name": "Contacts", "description": "People the PMO knows"}],
                 "paths": {
                   "/api/v1/contacts": {
                     "get": {"operationId": "list", "tags": ["Contacts"], "responses": {"200": {"description": "a page",
                       "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ContactPage"}}}}}},
                     "post": {"operationId": "createContact", "tags": ["Contacts"], "responses": {
                       "201": {"description": "created"},
                       "400": {"description": "invalid", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
                   "/api/v1/contacts/{id}/erasure": {
                     "post": {"operationId": "erase", "tags": ["Contacts"],
                       "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                       "responses": {"200": {"description": "erased"}}}},
                   "/internal/debug": {"get": {"operationId": "debug", "responses": {"200": {"description": "not routed"}}}}
                 },
                 "components": {
                   "schemas": {
                     "Problem": {"type": "object", "properties": {"title": {"type": "string"}}},
                     "PageMeta": {"type": "object", "properties": {"total": {"type": "integer"}}},
                     "ContactPage": {"type": "object", "properties": {"meta": {"$ref": "#/components/schemas/PageMeta"}}},
                     "NeverUsed": {"type": "object", "properties": {"x": {"$ref": "#/components/schemas/AlsoNeverUsed"}}},
                     "AlsoNeverUsed": {"type": "string"}
                   },
                   "securitySchemes": {"jwt": {"type": "http", "scheme": "bearer"}}
                 }}
                """;
            case "engagement" -> """
                {"openapi": "3.1.0", "info": {"title": "engagement-service", "version": "1"},
                 "paths": {
                   "/api/v1/engagements": {
                     "get": {"operationId": "list", "responses": {"200": {"description": "a page"},
                       "400": {"description": "invalid", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
                   "/api/v1/forums/{id}/occurrences": {
                     "post": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                       "responses": {"201": {"description": "created"}}}}
                 },
                 "components": {"schemas": {
                   "Problem": {"type": "object", "properties": {"detail": {"type": "string"}}},
                   "PageMeta": {"type": "object", "properties": {"total": {"type": "integer"}}}
                 }}}
                """;
            default -> """
                {"openapi": "3.1.0", "info": {"title": "analytics-service", "version": "1"},
                 "paths": {
                   "/api/v1/admin/rebuild": {
                     "post": {"operationId": "rebuild", "responses": {"202": {"description": "started"}}},
                     "get": {"operationId": "rebuildStatus", "responses": {"200": {"description": "status"}}}},
                   "/api/v1/coverage": {"get": {"operationId": "coverage", "responses": {"200": {"description": "coverage"}}}}
                 }}
                """;
        };
    }
}
