package io.rapport.contacts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testsupport.RapportInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class CsvImportTest {

    @Test
    void validRowsAreImportedAndTheOthersReportedByLine() {
        String unit = Fixtures.createUnit(null);
        String code = given().get("/api/v1/business-units/" + unit).then().extract().path("code");
        String u = Fixtures.unique().toLowerCase();
        String existing = (String) Fixtures.contactBody(unit).get("email");
        Fixtures.createContact(withEmail(Fixtures.contactBody(unit), existing));
        String csv = String.join("\r\n",
            "fullName,email,phone,jobTitle,businessUnitCode,seniority,expertise,ownerName,ownerEmail",
            "Ada One " + u + ",ada." + u + "@example.com,+44 1,Analyst," + code + ",STAFF,data;Finance; data ,Sam Lee,sam." + u + "@example.com",
            "\"Okafor, Chidi " + u + "\",chidi." + u + "@example.com,,\"Controller, \"\"FP&A\"\"\"," + code + ",SENIOR_MANAGER,,,",
            "Bad Email,not-an-email,,," + code + ",STAFF,,,",
            "Wrong Unit,wrong." + u + "@example.com,,,NOPE,STAFF,,,",
            "Twice,ADA." + u + "@EXAMPLE.COM,,," + code + ",STAFF,,,",
            ",missing." + u + "@example.com,,," + code + ",BOSS,,,",
            "Short row," + code,
            "Exists," + existing.toUpperCase() + ",,," + code + ",STAFF,,,",
            "Owner Half,half." + u + "@example.com,,," + code + ",STAFF,,Sam,",
            "");
        given().contentType("text/csv").body(csv).post("/api/v1/contacts/import")
            .then().statusCode(200)
            .body("imported", equalTo(2))
            .body("rejected.line", contains(4, 5, 6, 7, 8, 9, 10))
            .body("rejected.find { it.line == 4 }.errors", contains("email: must be a well-formed email address"))
            .body("rejected.find { it.line == 5 }.errors", contains("businessUnitCode: no business unit has this code"))
            .body("rejected.find { it.line == 6 }.errors", contains("email: the same email is on line 2"))
            .body("rejected.find { it.line == 7 }.errors", contains("fullName: must not be blank",
                "seniority: must be one of EXECUTIVE, SENIOR_MANAGER, MANAGER, STAFF"))
            .body("rejected.find { it.line == 8 }.errors[0]", equalTo("row: has 2 columns, the header 9"))
            .body("rejected.find { it.line == 9 }.errors", contains("email: another contact already has this email"))
            .body("rejected.find { it.line == 10 }.errors", contains("ownerEmail: must not be blank"));

        given().queryParam("q", "chidi." + u).get("/api/v1/contacts").then()
            .body("items", hasSize(1)).body("items[0].fullName", equalTo("Okafor, Chidi " + u))
            .body("items[0].jobTitle", equalTo("Controller, \"FP&A\"")).body("items[0].seniority", equalTo("SENIOR_MANAGER"))
            .body("items[0].status", equalTo("ACTIVE"));
        given().queryParam("q", "ada." + u).get("/api/v1/contacts").then()
            .body("items[0].expertise", equalTo(List.of("data", "finance"))).body("items[0].owner.name", equalTo("Sam Lee"));
    }

    @Test
    void aBadHeaderIs400AndAnEmptyBodyToo() {
        given().contentType("text/csv").body("fullName,mail,businessUnitCode\nx,y,z\n").post("/api/v1/contacts/import")
            .then().statusCode(400).contentType("application/problem+json")
            .body("errors.message", hasItem("column email is required"))
            .body("errors.field", hasItem("header"));
        given().contentType("text/csv").body("").post("/api/v1/contacts/import").then().statusCode(400);
    }

    @Test
    void idempotentImport() {
        String unit = Fixtures.createUnit(null);
        String code = given().get("/api/v1/business-units/" + unit).then().extract().path("code");
        String u = Fixtures.unique().toLowerCase();
        String csv = "fullName,email,businessUnitCode,seniority\nOnce " + u + ",once." + u + "@example.com," + code + ",STAFF\n";
        String key = "import-" + u;
        given().contentType("text/csv").header("Idempotency-Key", key).body(csv).post("/api/v1/contacts/import")
            .then().statusCode(200).body("imported", equalTo(1));
        given().contentType("text/csv").header("Idempotency-Key", key).body(csv).post("/api/v1/contacts/import")
            .then().statusCode(200).body("imported", equalTo(1)).header("Idempotent-Replayed", "true");
        given().queryParam("q", "once." + u).get("/api/v1/contacts").then().body("total", equalTo(1));
        given().contentType("text/csv").header("Idempotency-Key", key).body(csv + "x,y,z,w\n")
            .post("/api/v1/contacts/import").then().statusCode(422);
    }

    private static java.util.Map<String, Object> withEmail(java.util.Map<String, Object> body, String email) {
        body.put("email", email);
        return body;
    }
}
