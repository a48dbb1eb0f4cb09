package io.rapport.contacts;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.ServiceWiringContract;

/** contacts-service against real PostgreSQL and the real broker: see {@link ServiceWiringContract}. */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class ContactsWiringTest extends ServiceWiringContract {
}
