"""Matching: actor phrases and verb patterns compiled into spaCy matchers and lemma indexes."""
