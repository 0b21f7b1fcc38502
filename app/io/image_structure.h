// What an image file must look like before its bytes reach stb_image's decoders.
//
// Debian 12's stb_image (2.27) has decoder bugs that hostile files reach (found by
// fuzz/fuzz_image_file, listed in README "Fuzzing"): a JPEG Huffman table with more than 256 codes
// writes past its array, a JPEG scan using a table no segment defined decodes with uninitialised
// memory and reads far outside it, a PNG chunk claiming gigabytes makes it allocate them before
// reading, its PNM, HDR and other decoders read out of bounds or loop. Meridian's images (event
// media, the basemap) are PNG or JPEG, so only those two formats are passed on, and only when
// their chunk and segment structure is sound.
#pragma once

#include <string>
#include <string_view>

namespace meridian::io {

enum class ImageFormat { Png, Jpeg, Other };

ImageFormat imageFormatOf(std::string_view bytes);  // by the signature at the start

// Empty when the bytes are a PNG or JPEG whose structure stb_image can be trusted with; otherwise
// what is wrong, e.g. "not a PNG or JPEG image" or "truncated or corrupt image (a PNG chunk claims
// 4000000000 bytes, 120 are left)".
std::string checkImageStructure(std::string_view bytes);

}  // namespace meridian::io
