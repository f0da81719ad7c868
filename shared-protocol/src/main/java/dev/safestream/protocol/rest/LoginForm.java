package dev.safestream.protocol.rest;

/**
 * {@code POST /auth/login}'s form fields (urlencoded or multipart, not JSON): documents the form in the OpenAPI
 * document.
 *
 * @param username the account
 * @param password its password
 */
public record LoginForm(String username, String password) {}
