// Stage Scoring.
