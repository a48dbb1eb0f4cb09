package io.rapport.analytics.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one engagement (at one version) contributes to each of its participants: the same slices
 * for every participant. A pure function of the snapshot and the parameters
 * ({@link ContributionCalculator#contribution}), so taking it back is exact: the model subtracts the
 * very slices it added.
 *
 * @param engagement the engagement state this contribution was computed from
 * @param slices     undecayed weights with their instants, in time order (may be empty, e.g. when
 *                   the type's base weight is 0)
 */
public record EngagementContribution(EngagementSnapshot engagement, List<Slice> slices) {

    public EngagementContribution {
        Objects.requireNonNull(engagement, "engagement");
        slices = List.copyOf(slices);
        for (int i = 1; i < slices.size(); i++) {
            if (slices.get(i).at().isBefore(slices.get(i - 1).at())) {
                throw new IllegalArgumentException("slices must be in time order");
            }
        }
    }

    /** Sum of the undecayed slice weights. */
    public double totalWeight() {
        double s = 0;
        for (Slice slice : slices) {
            s += slice.weight();
        }
        return s;
    }

    /** Instant of the last slice, or {@code null} when there is none. */
    public Instant lastSliceAt() {
        return slices.isEmpty() ? null : slices.get(slices.size() - 1).at();
    }

    /** Effort micro-hours the PMO gave of {@code micros} credited: all of PMO_GAVE, half of MUTUAL (API.md, factors). */
    public static long givenMicros(Direction direction, long micros) {
        return switch (direction) {
            case PMO_GAVE -> micros;
            case MUTUAL -> micros / 2;
            case PMO_RECEIVED -> 0L;
        };
    }

    /** Effort micro-hours the PMO received of {@code micros} credited: all of PMO_RECEIVED, the other half of MUTUAL. */
    public static long receivedMicros(Direction direction, long micros) {
        return switch (direction) {
            case PMO_RECEIVED -> micros;
            case MUTUAL -> micros - micros / 2;
            case PMO_GAVE -> 0L;
        };
    }

    /** Micro-hours carried by the slices credited at or before {@code at}. */
    public long creditedMicros(java.time.Instant at) {
        long m = 0;
        for (Slice s : slices) {
            if (s.at().isAfter(at)) {
                break;
            }
            m += s.hoursMicros();
        }
        return m;
    }

    /** Micro-hours the PMO gave by {@code at}: slice by slice, as the persisted fold credits them. */
    public long creditedGivenMicros(java.time.Instant at) {
        long m = 0;
        for (Slice s : slices) {
            if (s.at().isAfter(at)) {
                break;
            }
            m += givenMicros(engagement.direction(), s.hoursMicros());
        }
        return m;
    }

    /** Micro-hours the PMO received by {@code at}, slice by slice. */
    public long creditedReceivedMicros(java.time.Instant at) {
        long m = 0;
        for (Slice s : slices) {
            if (s.at().isAfter(at)) {
                break;
            }
            m += receivedMicros(engagement.direction(), s.hoursMicros());
        }
        return m;
    }
}
