"""Handlers: everything that speaks a chat platform's protocol, and nothing that decides."""
