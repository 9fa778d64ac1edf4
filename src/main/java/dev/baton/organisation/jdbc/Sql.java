package dev.baton.organisation.jdbc;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Small conversions the row mappers share. */
final class Sql {

	private Sql() {
	}

	/** A PostgreSQL {@code uuid[]} column as a list, in the array's order. */
	static List<UUID> uuids(Array array) throws SQLException {
		var ids = new ArrayList<UUID>();
		if (array != null) {
			for (var element : (Object[]) array.getArray()) {
				ids.add(element instanceof UUID uuid ? uuid : UUID.fromString(element.toString()));
			}
		}
		return ids;
	}
}
