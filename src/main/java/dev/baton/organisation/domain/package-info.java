/**
 * The organisation's rules, free of web and persistence types: who may manage absences, and the
 * field checks every change passes through.
 */
package dev.baton.organisation.domain;
