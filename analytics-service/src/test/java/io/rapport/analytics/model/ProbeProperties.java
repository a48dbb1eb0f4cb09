package io.rapport.analytics.model;
import net.jqwik.api.*;
class ProbeProperties {
  @Property(tries = 50) boolean probe(@ForAll int a) { return a + 0 == a; }
}
