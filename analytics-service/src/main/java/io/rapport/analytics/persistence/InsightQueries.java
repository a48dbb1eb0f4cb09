package io.rapport.analytics.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.rapport.analytics.model.StoredRelationship;
import io.rapport.analytics.model.StoredUnit;

/**
 * The coverage, going-cold and expiring-stakeholder reads: per-unit rows, and range scans on the
 * log-form strength.
 */
public final class InsightQueries {

    /** A unit with its summed strength, its warm contacts and its strongest contact. */
    public record UnitRow(UUID id, String code, String name, StoredUnit strength, int warmContacts, UUID strongestContactId) {
    }

    /** A relationship going cold: the row and the band it is in (by the query's ranges). */
    public record ColdRow(StoredRelationship state, double drop) {
    }

    /** A stakeholder role ending in the window, with its contact's relationship. */
    public record RoleRow(UUID contactId, String projectCode, LocalDate endDate, StoredRelationship state) {
    }

    /** A range of {@code l} for one band, and {@code log2 S_T} of its lower threshold (the drop instant is {@code l − that}). */
    public record BandRange(double minL, double maxL, double log2Threshold) {
    }

    private InsightQueries() {
    }

    /**
     * Every unit not deleted (and every unit with strength that no unit event has described yet), by id, with its
     * coverage inputs; {@code warmL}: the least {@code l} of a WARM score now. */
    public static List<UnitRow> units(Connection c, double warmL, long halfLifeSeconds) throws SQLException {
        List<UnitRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select u.id, u.code, u.name, s.frame, s.s_sum, s.s_comp, s.contacts,"
            + " (select count(*) from relationship r where r.listed and r.business_unit_id = u.id and r.counted and r.l >= ?),"
            + " (select r.contact_id from relationship r where r.listed and r.business_unit_id = u.id and r.counted"
            + " order by r.l desc nulls last, r.contact_id limit 1)"
            + " from (select id, code, name from business_unit where not deleted union all"
            // a unit its contacts name before its own event arrived (code and name unknown yet)
            + " select k.business_unit_id, null, null from unit_strength k where k.contacts > 0"
            + " and not exists (select 1 from business_unit b where b.id = k.business_unit_id)) u"
            + " left join unit_strength s on s.business_unit_id = u.id order by u.id")) {
            s.setDouble(1, warmL);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    StoredUnit strength = rs.getObject(4) == null ? StoredUnit.empty(id, halfLifeSeconds)
                        : new StoredUnit(id, halfLifeSeconds, rs.getLong(4), rs.getDouble(5), rs.getDouble(6), rs.getInt(7));
                    rows.add(new UnitRow(id, rs.getString(2), rs.getString(3), strength, rs.getInt(8), rs.getObject(9, UUID.class)));
                }
            }
        }
        return rows;
    }

    /**
     * Relationships whose score falls out of their band by the instant {@code until} (half-lives since the
     * epoch), soonest first: per band, the range {@code [minL, min(maxL, log2Threshold + until))}.
     */
    public static List<ColdRow> goingCold(Connection c, List<BandRange> bands, double until, Integer limit, long offset,
        long halfLifeSeconds) throws SQLException {
        StringBuilder sql = new StringBuilder("select * from (");
        for (int i = 0; i < bands.size(); i++) {
            sql.append(i == 0 ? "" : " union all ").append("select r.").append(RelationshipRows.COLUMNS.replace(", ", ", r."))
                .append(", r.l - ? as drop from relationship r where r.listed and r.l >= ? and r.l < ?");
        }
        sql.append(") x order by drop, contact_id");
        if (limit != null) {
            sql.append(" limit ").append(limit).append(" offset ").append(offset);
        }
        List<ColdRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int k = 1;
            for (BandRange b : bands) {
                s.setDouble(k++, b.log2Threshold());
                s.setDouble(k++, b.minL());
                s.setDouble(k++, Math.min(b.maxL(), b.log2Threshold() + until));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ColdRow(RelationshipRows.row(rs, halfLifeSeconds), rs.getDouble(17)));
                }
            }
        }
        return rows;
    }

    /** How many {@link #goingCold} finds in all. */
    public static long countGoingCold(Connection c, List<BandRange> bands, double until) throws SQLException {
        StringBuilder sql = new StringBuilder("select count(*) from relationship r where r.listed and (");
        for (int i = 0; i < bands.size(); i++) {
            sql.append(i == 0 ? "" : " or ").append("(r.l >= ? and r.l < ?)");
        }
        try (PreparedStatement s = c.prepareStatement(sql.append(")").toString())) {
            int k = 1;
            for (BandRange b : bands) {
                s.setDouble(k++, b.minL());
                s.setDouble(k++, Math.min(b.maxL(), b.log2Threshold() + until));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Open roles ending in {@code [from, to]} of listed contacts below {@code warmL}, by end date, contact, project. */
    public static List<RoleRow> expiringRoles(Connection c, LocalDate from, LocalDate to, double warmL, Integer limit,
        long offset, long halfLifeSeconds) throws SQLException {
        String sql = "select r." + RelationshipRows.COLUMNS.replace(", ", ", r.") + ", s.project_code, s.end_date"
            + " from stakeholder_role s join relationship r on r.contact_id = s.contact_id"
            + " where not s.ended and s.end_date >= ? and s.end_date <= ? and r.listed and (r.l is null or r.l < ?)"
            + " order by s.end_date, s.contact_id, s.project_code, s.id" + (limit == null ? "" : " limit " + limit + " offset " + offset);
        List<RoleRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, from);
            s.setObject(2, to);
            s.setDouble(3, warmL);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StoredRelationship state = RelationshipRows.row(rs, halfLifeSeconds);
                    rows.add(new RoleRow(state.contactId(), rs.getString(17), rs.getObject(18, LocalDate.class), state));
                }
            }
        }
        return rows;
    }

    public static long countExpiringRoles(Connection c, LocalDate from, LocalDate to, double warmL) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from stakeholder_role s join relationship r"
            + " on r.contact_id = s.contact_id where not s.ended and s.end_date >= ? and s.end_date <= ? and r.listed"
            + " and (r.l is null or r.l < ?)")) {
            s.setObject(1, from);
            s.setObject(2, to);
            s.setDouble(3, warmL);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
