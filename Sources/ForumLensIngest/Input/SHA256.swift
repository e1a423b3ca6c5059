import COpenSSL

/// SHA-256 for the report's `inputs[].sha256`. Every input is hashed, so it is libcrypto's
/// (which uses the CPU's SHA instructions): a plain Swift version cost a seventh of a run.
public enum SHA256 {
    public static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        digest.withUnsafeMutableBufferPointer { output in
            let input = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
            _ = COpenSSL.SHA256(input ?? UnsafePointer(output.baseAddress!), bytes.count, output.baseAddress)
        }
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex($0) }
    }
}
