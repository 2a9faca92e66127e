// Stage Reporting.
