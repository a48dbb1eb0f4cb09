package io.rapport.engagement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.testsupport.RapportInfrastructureResource;
import io.rapport.testsupport.ServiceWiringContract;

/** engagement-service against real PostgreSQL and the real broker: see {@link ServiceWiringContract}. */
@QuarkusTest
@QuarkusTestResource(RapportInfrastructureResource.class)
class EngagementWiringTest extends ServiceWiringContract {
}
