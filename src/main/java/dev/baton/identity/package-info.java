/**
 * Who may do what: local accounts with hashed passwords, the roles of the go-to-market team,
 * personal API tokens, login throttling, optional OIDC single sign-on, and the security rules of
 * the web UI and the API.
 * <p>
 * Other modules use {@link dev.baton.identity.Role} in their access rules and
 * {@link dev.baton.identity.UserDirectory} to create or look up accounts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "audit", "platform" })
package dev.baton.identity;
