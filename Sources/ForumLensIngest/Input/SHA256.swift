/// SHA-256 (FIPS 180-4) in plain Swift, for the report's `inputs[].sha256`: every input is
/// hashed, so it works straight on the caller's buffer, with the message schedule in one
/// temporary allocation per call and no copy of the input.
public enum SHA256 {
    public static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        var state = initialState
        let fullBlocks = bytes.count / 64
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            let w = schedule.baseAddress!
            if fullBlocks > 0, let base = bytes.baseAddress {
                compress(&state, base, blocks: fullBlocks, w)
            }
            // The tail and the padding: at most two blocks.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                let tailBytes = bytes.count - fullBlocks * 64
                let tailBase = tail.baseAddress!
                tailBase.initialize(repeating: 0, count: 128)
                if tailBytes > 0 {
                    tailBase.initialize(
                        from: bytes.baseAddress!.advanced(by: fullBlocks * 64).assumingMemoryBound(to: UInt8.self),
                        count: tailBytes)
                }
                tailBase[tailBytes] = 0x80
                let paddedBlocks = tailBytes + 1 + 8 <= 64 ? 1 : 2
                let bitLength = UInt64(bytes.count) &* 8
                for i in 0 ..< 8 {
                    tailBase[paddedBlocks * 64 - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(i)))
                }
                compress(&state, UnsafeRawPointer(tailBase), blocks: paddedBlocks, w)
            }
        }
        return hexString(state)
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { hex($0) }
    }

    private static let initialState: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x >> n) | (x << (32 &- n))
    }

    /// One round, with the eight working variables passed in rotated order instead of being
    /// shifted along: only `d` and `h` change, so eight calls in a row make no register moves.
    @inline(__always) private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ constantPlusWord: UInt32
    ) {
        let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ (g ^ (e & (f ^ g))) &+ constantPlusWord
        d &+= t1
        h = t1 &+ (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) | (c & (a | b)))
    }

    /// The next schedule word in a rolling window of 16: w[j] becomes w[j + 16].
    @inline(__always) private static func nextWord(_ w: UnsafeMutablePointer<UInt32>, _ j: Int) -> UInt32 {
        let x = w[(j + 1) & 15], y = w[(j + 14) & 15]
        let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
        let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
        let word = w[j] &+ s0 &+ w[(j + 9) & 15] &+ s1
        w[j] = word
        return word
    }

    /// Runs the compression function over `blocks` consecutive 64-byte blocks at `data`,
    /// with the message schedule kept in a rolling window of 16 words at `w`.
    private static func compress(
        _ state: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
        _ data: UnsafeRawPointer, blocks: Int, _ w: UnsafeMutablePointer<UInt32>
    ) {
        roundConstants.withUnsafeBufferPointer { constants in
            let k = constants.baseAddress!
            var (h0, h1, h2, h3, h4, h5, h6, h7) = state
            for block in 0 ..< blocks {
                let p = data.advanced(by: block * 64)
                for i in 0 ..< 16 {
                    w[i] = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
                }
                var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                // Rounds 0–15 use the block's words as they are.
                var i = 0
                while i < 16 {
                    round(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
                    round(h, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
                    round(g, h, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
                    round(f, g, h, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
                    round(e, f, g, &h, a, b, c, &d, k[i + 4] &+ w[i + 4])
                    round(d, e, f, &g, h, a, b, &c, k[i + 5] &+ w[i + 5])
                    round(c, d, e, &f, g, h, a, &b, k[i + 6] &+ w[i + 6])
                    round(b, c, d, &e, f, g, h, &a, k[i + 7] &+ w[i + 7])
                    i += 8
                }
                // Rounds 16–63 extend the schedule as they go; j is the window slot.
                while i < 64 {
                    let j = i & 15
                    round(a, b, c, &d, e, f, g, &h, k[i] &+ nextWord(w, j))
                    round(h, a, b, &c, d, e, f, &g, k[i + 1] &+ nextWord(w, j + 1))
                    round(g, h, a, &b, c, d, e, &f, k[i + 2] &+ nextWord(w, j + 2))
                    round(f, g, h, &a, b, c, d, &e, k[i + 3] &+ nextWord(w, j + 3))
                    round(e, f, g, &h, a, b, c, &d, k[i + 4] &+ nextWord(w, j + 4))
                    round(d, e, f, &g, h, a, b, &c, k[i + 5] &+ nextWord(w, j + 5))
                    round(c, d, e, &f, g, h, a, &b, k[i + 6] &+ nextWord(w, j + 6))
                    round(b, c, d, &e, f, g, h, &a, k[i + 7] &+ nextWord(w, j + 7))
                    i += 8
                }
                h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
            }
            state = (h0, h1, h2, h3, h4, h5, h6, h7)
        }
    }

    private static func hexString(_ state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)) -> String {
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 64) { out in
            var n = 0
            for word in words {
                for shift in stride(from: 28, through: 0, by: -4) {
                    out[n] = digits[Int((word >> UInt32(shift)) & 0xF)]
                    n += 1
                }
            }
            return n
        }
    }
}
