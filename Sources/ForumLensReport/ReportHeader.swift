import ForumLensCore

/// The schema id every report carries.
public let reportSchema = "forumlens/report@1"
