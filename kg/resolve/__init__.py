"""Canonical entities: administrative gazetteer, place hierarchy, aliases."""
