extension Duration {
    /// The duration in seconds, fractions included.
    public var inSeconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
