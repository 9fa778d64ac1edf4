/**
 * A realistic demo organisation (regions, boards, two circles, AEs of every segment, managers,
 * accounts and opportunities, one login per role) loaded on first start against an empty
 * database. On by default only with the embedded database; never loaded into an external
 * database unless asked for.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
		allowedDependencies = { "engagement", "judgment", "postsales", "catalog", "portal", "usage", "subscription", "ordering", "pipeline", "organisation", "identity", "platform" })
package dev.baton.demo;
