/// Parses decoded page bytes into an `HTMLTree`, keeping the attributes the extractors read
/// and those named in `keeping` (a site profile's).
public enum HTMLParsing {
    public static func parse(_ bytes: [UInt8], encoding: String, depthCap: Int = 10_000, keeping: [String] = []) -> HTMLTree {
        bytes.withUnsafeBytes {
            LibXML2.parseHTML($0, encoding: encoding, depthCap: depthCap, kept: KeptAttributes.standard.adding(keeping))
        }
    }
}
