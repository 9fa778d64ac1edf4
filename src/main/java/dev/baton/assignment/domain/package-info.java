/**
 * The assignment rules without Spring, web or persistence types: the candidate filters (each
 * answering a platform Decision by an AssignmentRule), the weighted scorers, the capacity and
 * coverage policies, and the recommender that ranks with them.
 */
package dev.baton.assignment.domain;
