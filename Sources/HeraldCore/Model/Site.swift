/// Everything the content says, validated: the input of every later stage.
public struct Site: Hashable, Sendable {
    public var config: SiteConfig
    /// Newest start first.
    public var incidents: [Incident]
    /// Newest window start first.
    public var maintenances: [Maintenance]
    /// Newest date first.
    public var posts: [Post]

    public init(config: SiteConfig, incidents: [Incident], maintenances: [Maintenance], posts: [Post]) {
        self.config = config
        self.incidents = incidents
        self.maintenances = maintenances
        self.posts = posts
    }
}
