"""HTTP: one blueprint per resource, thin typed handlers over ``clarity.services``."""
