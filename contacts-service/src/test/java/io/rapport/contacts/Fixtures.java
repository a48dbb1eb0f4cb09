package io.rapport.contacts;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Test data through the public API; every name is unique so the test classes share one database. */
final class Fixtures {

    private Fixtures() {
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String createUnit(String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", "U" + unique());
        body.put("name", "Unit " + unique());
        body.put("parentId", parentId);
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/business-units")
            .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> contactBody(String unitId) {
        String u = unique().toLowerCase();
        Map<String, Object> body = new HashMap<>();
        body.put("fullName", "Priya Shah " + u);
        body.put("email", "priya." + u + "@example.com");
        body.put("phone", "+44 " + Long.toString(Long.parseLong(u, 16) % 100_000_000_000L));
        body.put("jobTitle", "HR Business Partner " + u);
        body.put("businessUnitId", unitId);
        body.put("seniority", "MANAGER");
        body.put("expertise", List.of("recruitment", "tag-" + u));
        body.put("owner", Map.of("name", "Sam Lee " + u, "email", "sam." + u + "@example.com"));
        body.put("notes", "Prefers morning meetings " + u);
        return body;
    }

    static String createContact(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/contacts")
            .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> roleBody(String role, String start, String end) {
        Map<String, Object> body = new HashMap<>();
        body.put("projectCode", "ERP-" + unique());
        body.put("projectName", "ERP replacement " + unique());
        body.put("role", role);
        body.put("startDate", start);
        body.put("endDate", end);
        return body;
    }
}
