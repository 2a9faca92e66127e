// Stage Auditing.
