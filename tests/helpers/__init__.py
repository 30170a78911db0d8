"""Helpers for the tests: factories, fake servers, live servers, the one SSE reader."""
