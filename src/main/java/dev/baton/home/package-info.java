/**
 * The web UI's landing pages: what the signed-in user works on, by role, and the pipeline list.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home",
		allowedDependencies = { "engagement", "pipeline", "organisation", "identity", "platform" })
package dev.baton.home;
