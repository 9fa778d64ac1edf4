package dev.baton.organisation.jdbc;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.organisation.Region;

/** Regions in PostgreSQL. */
@Repository
public class RegionRepository {

	private final JdbcClient jdbc;

	RegionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Region region) {
		jdbc.sql("INSERT INTO region (key, name) VALUES (:key, :name)").param("key", region.key())
				.param("name", region.name()).update();
	}

	public List<Region> regions() {
		return jdbc.sql("SELECT key, name FROM region ORDER BY key").query(RegionRowMapper.INSTANCE).list();
	}

	public Optional<Region> region(String key) {
		return jdbc.sql("SELECT key, name FROM region WHERE key = :key").param("key", key)
				.query(RegionRowMapper.INSTANCE).optional();
	}

	public long count() {
		return jdbc.sql("SELECT count(*) FROM region").query(Long.class).single();
	}
}
