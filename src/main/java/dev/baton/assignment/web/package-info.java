/**
 * The assignment API (recommendations, coverage plans, capacity) and the pages: recommendations
 * on a request, My work, the circle page with its load chart, and the coverage plan.
 */
package dev.baton.assignment.web;
