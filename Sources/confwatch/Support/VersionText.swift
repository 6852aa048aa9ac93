import TwilioConferences

/// What `confwatch --version` prints: `0.2.0 (abc1234)`, the release and the git commit of the
/// sources (`-dirty` when they had uncommitted changes), or `0.2.0 (unknown commit)` for a build
/// made without git. The User-Agent carries the same release number.
enum VersionText {
    static var full: String { "\(ConfwatchVersion.current) (\(BuildCommit.id ?? "unknown commit"))" }
}
