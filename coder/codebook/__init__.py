"""Codebooks: schema, safe loading and validation (and the PETRARCH importer)."""
