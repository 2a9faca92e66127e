// Stage Learning.
