package io.rapport.engagement.domain;

/** Which way the value of an engagement flowed. */
public enum Direction {
    PMO_GAVE,
    PMO_RECEIVED,
    MUTUAL
}
