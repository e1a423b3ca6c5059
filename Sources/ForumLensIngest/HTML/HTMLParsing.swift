/// Parses decoded page bytes into an `HTMLTree`.
public enum HTMLParsing {
    public static func parse(_ bytes: [UInt8], encoding: String, depthCap: Int = 10_000) -> HTMLTree {
        bytes.withUnsafeBytes { LibXML2.parseHTML($0, encoding: encoding, depthCap: depthCap) }
    }
}
