/// Hand-written statistical tests and intervals used by the composition audit.
///
/// Each function is checked in `AuditingTests` against reference values from
/// scipy (`scipy.stats.fisher_exact`, `chi2_contingency`, `chi2.sf`,
/// `scipy.special.gammaincc`, `false_discovery_control`) or from the closed-form
/// formula evaluated in plain Python. The namespace is split by test:
/// `Statistics+Fisher.swift`, `Statistics+Wilson.swift`,
/// `Statistics+ChiSquared.swift`, `Statistics+Gamma.swift`,
/// `Statistics+FalseDiscovery.swift`.
public enum Statistics {}
