// Stage AuditPipeline.
