/// An internal inconsistency found while scoring — a defect in DietAudit, not
/// bad input (the CLI reports it with exit code 3). Currently raised only when
/// the AUM replay (``PresentationReplay``) stops matching the trainer.
public struct ScoringError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, in one sentence.
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
