package dev.baton.billing;

import java.util.UUID;

/**
 * Where an invoice owner is billed, for tax: its country (ISO 3166-1 alpha-2), the region where the
 * rate table needs one (a state or province code, such as CA), and its tax id, printed on invoices.
 */
public record BillTo(UUID accountId, String country, String region, String taxId) {
}
