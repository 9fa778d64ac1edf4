package dev.baton.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.BatonIntegrationTest;

/**
 * The demo's sample requests all go through the service's rules and land in the states the demo
 * promises. The test runs in a transaction that is rolled back, so no other test sees them.
 */
@BatonIntegrationTest
@Transactional
class SampleRequestsTests {

	@Autowired
	SampleRequests samples;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everySampleIsFiledAndMovedByTheRules() {
		var before = new HashSet<>(jdbc.sql("SELECT id FROM sa_request").query(UUID.class).list());

		var refused = samples.load();

		assertThat(refused).isEmpty();
		var states = new HashMap<String, String>();
		var assignees = new HashMap<String, String>();
		jdbc.sql("""
				SELECT r.id, o.external_id, r.status, p.name AS assignee
				FROM sa_request r JOIN opportunity o ON o.id = r.opportunity_id LEFT JOIN person p ON p.id = r.assignee_id
				""").query((rs, n) -> Map.entry(rs.getObject("id", UUID.class),
						new String[] { rs.getString("external_id"), rs.getString("status"), rs.getString("assignee") }))
				.list().stream().filter(row -> !before.contains(row.getKey())).forEach(row -> {
					states.put(row.getValue()[0], row.getValue()[1]);
					assignees.put(row.getValue()[0], String.valueOf(row.getValue()[2]));
				});
		assertThat(states).containsEntry("CRM-OPP-2002", "NEW").containsEntry("CRM-OPP-2008", "NEW")
				.containsEntry("CRM-OPP-2001", "SA_TRIAGED").containsEntry("CRM-OPP-2005", "SA_DOING")
				.containsEntry("CRM-OPP-2004", "SA_WAITING").containsEntry("CRM-OPP-2009", "DECLINED")
				.containsKey("CRM-OPP-2003").hasSize(7);
		assertThat(assignees).containsEntry("CRM-OPP-2001", "Sam Rivera").containsEntry("CRM-OPP-2005", "Diego Alvarez");
	}
}
