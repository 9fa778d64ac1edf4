package dev.baton.platform.idempotency;

/**
 * The answer Baton gave to the first request with an idempotency key.
 */
record StoredResponse(String method, String path, String requestHash, int status, String contentType,
		String location, String etag, byte[] body) {
}
