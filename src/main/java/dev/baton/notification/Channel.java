package dev.baton.notification;

/**
 * How a message leaves Baton: the circle's chat channel or a person's e-mail.
 */
enum Channel {
	CHAT, EMAIL
}
