import DietAuditCore

/// What `body` throws, as a user reads it: an ``InputError``'s description,
/// "no error" when it returns, or "unexpected …" for any other error.
func message(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "no error"
    } catch let error as InputError {
        return error.description
    } catch {
        return "unexpected \(error)"
    }
}
