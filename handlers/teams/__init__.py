"""The Microsoft Teams adapter: a renderer, a reader, listeners, a messenger and a directory."""
