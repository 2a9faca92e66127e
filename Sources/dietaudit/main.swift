import AuditPipeline
print("dietaudit")
