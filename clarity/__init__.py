"""Clarity: the backend of a guided problem-solving app with a streaming coach."""
