// PNG chunks and JPEG segments walked before decoding (see image_structure.h for why).
#include "io/image_structure.h"

#include <cstdint>

namespace meridian::io {

namespace {

constexpr std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);

std::uint32_t be32(std::string_view bytes, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return v;
}
unsigned be16(std::string_view bytes, std::size_t at) {
    return (static_cast<unsigned char>(bytes[at]) << 8) | static_cast<unsigned char>(bytes[at + 1]);
}
unsigned byteAt(std::string_view bytes, std::size_t at) {
    return static_cast<unsigned char>(bytes[at]);
}

std::string corrupt(const std::string& why) {
    return "truncated or corrupt image (" + why + ")";
}

// Every chunk must fit in the file: stb_image grows its buffer to a chunk's claimed length before
// reading it, so a 100-byte file could make it allocate 2 GiB.
std::string checkPng(std::string_view bytes) {
    std::size_t at = kPngSignature.size();
    while (at < bytes.size()) {
        if (bytes.size() - at < 12) return corrupt("a PNG chunk is cut off");
        const std::uint32_t length = be32(bytes, at);
        const std::size_t left = bytes.size() - at - 12;  // after length, type and CRC
        if (length > left)
            return corrupt("a PNG chunk claims " + std::to_string(length) + " bytes, " + std::to_string(left) +
                           " are left");
        const std::string_view type = bytes.substr(at + 4, 4);
        at += 12 + std::size_t{length};
        if (type == "IEND") break;
    }
    return {};
}

// A Huffman table (DHT) has at most 256 codes: stb_image 2.27 writes one size per code into a
// 257-byte array without checking the count. Sets bit (class * 4 + id) of `defined` per table.
std::string checkJpegHuffmanTables(std::string_view segment, unsigned& defined) {
    std::size_t at = 0;
    while (at < segment.size()) {
        if (segment.size() - at < 17) return corrupt("a JPEG Huffman table is cut off");
        const unsigned tableClass = byteAt(segment, at) >> 4, id = byteAt(segment, at) & 15;
        if (tableClass > 1 || id > 3) return corrupt("a JPEG Huffman table has a bad class or number");
        defined |= 1u << (tableClass * 4 + id);
        unsigned codes = 0;
        for (std::size_t i = 1; i <= 16; ++i) codes += byteAt(segment, at + i);
        if (codes > 256) return corrupt("a JPEG Huffman table has " + std::to_string(codes) + " codes, at most 256");
        at += 17 + codes;
        if (at > segment.size()) return corrupt("a JPEG Huffman table is cut off");
    }
    return {};
}

// A scan must use Huffman tables that a DHT segment defined: stb_image 2.27 decodes with whatever
// its uninitialised table memory holds otherwise, and reads far outside it. Which tables a scan
// uses: both of each component's in a sequential JPEG; in a progressive one, the DC table in a
// first DC scan (Ss = 0, Ah = 0; DC refinement reads raw bits), the AC table in AC scans (Ss > 0).
std::string checkJpegScanTables(std::string_view header, bool progressive, unsigned defined) {
    if (header.empty()) return corrupt("a JPEG scan header is cut off");
    const std::size_t components = byteAt(header, 0);
    if (header.size() < 1 + 2 * components + 3) return corrupt("a JPEG scan header is cut off");
    const unsigned spectralStart = byteAt(header, 1 + 2 * components);
    const unsigned approximationHigh = byteAt(header, 3 + 2 * components) >> 4;
    const bool usesDc = !progressive || (spectralStart == 0 && approximationHigh == 0);
    const bool usesAc = !progressive || spectralStart > 0;
    for (std::size_t c = 0; c < components; ++c) {
        const unsigned dc = byteAt(header, 2 + 2 * c) >> 4, ac = byteAt(header, 2 + 2 * c) & 15;
        if (dc > 3 || ac > 3) return corrupt("a JPEG scan names a Huffman table beyond 3");
        if ((usesDc && !(defined & (1u << dc))) || (usesAc && !(defined & (1u << (4 + ac)))))
            return corrupt("a JPEG scan uses a Huffman table that no DHT segment defines");
    }
    return {};
}

std::string checkJpeg(std::string_view bytes) {
    unsigned definedTables = 0;  // bit (class * 4 + id): 0-3 DC tables, 4-7 AC tables
    bool progressive = false;
    std::size_t at = 2;  // after SOI
    while (at < bytes.size()) {
        // Like stb_image, skip padding between segments up to the next marker, then its fill bytes.
        while (at < bytes.size() && byteAt(bytes, at) != 0xFF) ++at;
        while (at < bytes.size() && byteAt(bytes, at) == 0xFF) ++at;
        if (at >= bytes.size()) break;
        const unsigned marker = byteAt(bytes, at++);
        if (marker == 0xD9) break;                                           // EOI
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) continue;  // no length: TEM, RSTn, SOI
        if (bytes.size() - at < 2) return corrupt("a JPEG segment is cut off");
        const unsigned length = be16(bytes, at);  // counts its own two bytes
        if (length < 2 || length > bytes.size() - at) return corrupt("a JPEG segment is cut off");
        const std::string_view segment = bytes.substr(at + 2, length - 2);
        if (marker == 0xC2) progressive = true;
        if (marker == 0xC4) {
            if (std::string why = checkJpegHuffmanTables(segment, definedTables); !why.empty()) return why;
        }
        if (marker == 0xDA) {
            if (std::string why = checkJpegScanTables(segment, progressive, definedTables); !why.empty()) return why;
        }
        at += length;
        if (marker == 0xDA) {
            // Entropy-coded data up to the next marker, read as stb_image reads it: 0xFF, any fill
            // 0xFF bytes, then 0x00 is a stuffed 0xFF data byte and a restart marker (0xD0-0xD7)
            // goes on with the data; any other byte ends the data. Further segments (progressive
            // scans) follow it.
            for (;;) {
                while (at < bytes.size() && byteAt(bytes, at) != 0xFF) ++at;
                std::size_t next = at;
                while (next < bytes.size() && byteAt(bytes, next) == 0xFF) ++next;
                if (next >= bytes.size()) break;  // data runs to the end: stb_image reports what is missing
                const unsigned after = byteAt(bytes, next);
                if (after != 0x00 && !(after >= 0xD0 && after <= 0xD7)) break;  // a marker: read above
                at = next + 1;
            }
            if (at >= bytes.size()) break;
        }
    }
    return {};
}

}  // namespace

ImageFormat imageFormatOf(std::string_view bytes) {
    if (bytes.substr(0, kPngSignature.size()) == kPngSignature) return ImageFormat::Png;
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xFF\xD8\xFF") return ImageFormat::Jpeg;
    return ImageFormat::Other;
}

std::string checkImageStructure(std::string_view bytes) {
    switch (imageFormatOf(bytes)) {
        case ImageFormat::Png:
            return checkPng(bytes);
        case ImageFormat::Jpeg:
            return checkJpeg(bytes);
        case ImageFormat::Other:
            break;
    }
    return "not a PNG or JPEG image";
}

}  // namespace meridian::io
