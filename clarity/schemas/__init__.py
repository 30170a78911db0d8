"""Request and response bodies (quart-schema validates and documents them).

Pydantic dataclasses rather than stdlib ones: quart-schema serialises them through a cached
schema (about 3 µs a response) instead of building a TypeAdapter per response (about 180 µs).
"""
