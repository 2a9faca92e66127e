// Stage Rules.
