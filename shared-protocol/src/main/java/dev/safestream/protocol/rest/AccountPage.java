package dev.safestream.protocol.rest;

import java.util.List;

/**
 * {@code GET /api/admin/users?query=&role=&page=&size=}.
 *
 * @param users this page's accounts
 * @param page the page, from 0
 * @param size the page size
 * @param total matching accounts in all
 */
public record AccountPage(List<Account> users, int page, int size, int total) {}
