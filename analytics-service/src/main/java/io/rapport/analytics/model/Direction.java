package io.rapport.analytics.model;

/** Which way the value of an engagement flowed, seen from the PMO (API.md). */
public enum Direction {
    PMO_GAVE,
    PMO_RECEIVED,
    MUTUAL
}
