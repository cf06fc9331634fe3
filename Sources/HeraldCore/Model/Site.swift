/// Everything the content says, validated: the input of every later stage.
package struct Site: Hashable, Sendable {
    package var config: SiteConfig
    /// Newest start first.
    package var incidents: [Incident]
    /// Newest window start first.
    package var maintenances: [Maintenance]
    /// Newest date first.
    package var posts: [Post]

    package init(config: SiteConfig, incidents: [Incident], maintenances: [Maintenance], posts: [Post]) {
        self.config = config
        self.incidents = incidents
        self.maintenances = maintenances
        self.posts = posts
    }
}
