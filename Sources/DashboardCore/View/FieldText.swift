extension FieldValue {
    /// As the table and the log write it: yes or no, the status, the text, or `-` when absent.
    public var text: String {
        switch self {
        case .flag(let on): on.map { $0 ? "yes" : "no" } ?? "-"
        case .status(let status): status?.rawValue ?? "-"
        case .text(let text): text ?? "-"
        }
    }
}
