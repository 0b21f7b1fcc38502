#include <doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "io/image_file.h"
#include "test_paths.h"

using namespace meridian::io;
namespace fs = std::filesystem;

namespace {

const fs::path kData = meridian::test::testDataDir();
const fs::path kImages = kData / "images";
const fs::path kAssets = kData / ".." / ".." / "assets";

bool mentions(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A fresh folder under the system temp folder, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("meridian-test-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

}  // namespace

TEST_CASE("image: a valid 4x3 PNG decodes to its exact RGBA pixels") {
    const ImageResult r = loadImageRgba(kImages / "valid_4x3.png");
    REQUIRE(r.ok());
    CHECK(r.image.width == 4);
    CHECK(r.image.height == 3);
    REQUIRE(r.image.rgba.size() == 4 * 3 * 4);
    // The fixture's pixel (x, y) is (x*60, y*100, 200, 255 - x*20).
    for (int y = 0; y < 3; ++y) {
        for (int x = 0; x < 4; ++x) {
            const std::uint8_t* p = &r.image.rgba[(y * 4 + x) * 4];
            CHECK(p[0] == x * 60);
            CHECK(p[1] == y * 100);
            CHECK(p[2] == 200);
            CHECK(p[3] == 255 - x * 20);
        }
    }
}

TEST_CASE("image: the shipped basemap decodes (2048x1024 JPEG)") {
    const ImageResult r = loadImageRgba(kAssets / "basemap" / "earth.jpg");
    REQUIRE(r.ok());
    CHECK(r.image.width == 2048);
    CHECK(r.image.height == 1024);
    CHECK(r.image.rgba.size() == 2048u * 1024u * 4u);
}

TEST_CASE("image: absurd sizes are refused from the header, before decoding") {
    const fs::path huge = kImages / "huge_header.png";  // claims 100000 x 100000
    ImageResult r = loadImageRgba(huge);
    REQUIRE(!r.ok());
    CHECK(r.error == huge.string() + ": image is 100000x100000 pixels, over the limit of 16384 per side");
    CHECK(r.image.rgba.empty());

    const fs::path wide = kImages / "wide_header.png";  // claims 20000 x 10
    r = loadImageRgba(wide);
    REQUIRE(!r.ok());
    CHECK(r.error == wide.string() + ": image is 20000x10 pixels, over the limit of 16384 per side");

    r = loadImageRgba(kImages / "valid_4x3.png", 11);  // 12 pixels
    REQUIRE(!r.ok());
    CHECK(mentions(r.error, "image is 4x3 pixels, over the limit of 11 pixels"));

    r = loadImageRgba(kImages / "zero_width.png");
    CHECK(mentions(r.error, "image header gives an empty size 0x10"));
}

TEST_CASE("image: truncated, foreign, empty and missing files are errors naming the file") {
    for (const char* name : {"truncated.png", "not_an_image.png", "empty.png", "no_such_image.png"}) {
        CAPTURE(name);
        const ImageResult r = loadImageRgba(kImages / name);
        CHECK(!r.ok());
        CHECK(mentions(r.error, (kImages / name).string()));
        CHECK(r.image.rgba.empty());
    }
    CHECK(mentions(loadImageRgba(kImages / "truncated.png").error, "truncated or corrupt"));
    CHECK(mentions(loadImageRgba(kImages / "valid_4x3.png", 64, 50).error, "larger than"));  // file cap: 106 bytes > 50
    CHECK(!loadImageRgba(kImages).ok());                                                     // a folder
}

TEST_CASE("media paths: relative paths inside the folder are accepted") {
    TempDir dir;
    fs::create_directories(dir.path / "media");
    CHECK(isPathInside(dir.path, "media/photo.jpg"));  // need not exist yet
    CHECK(isPathInside(dir.path, "photo.jpg"));
    CHECK(isPathInside(dir.path, "./media/photo.jpg"));
    CHECK(isPathInside(dir.path / "", "media/photo.jpg"));  // trailing slash on the folder
}

TEST_CASE("media paths: escapes are refused") {
    TempDir dir;
    fs::create_directories(dir.path / "media");
    CHECK(!isPathInside(dir.path, ""));
    CHECK(!isPathInside(dir.path, "."));
    CHECK(!isPathInside(dir.path, "../secret.txt"));
    CHECK(!isPathInside(dir.path, "media/../../secret.txt"));
    CHECK(!isPathInside(dir.path, "media/../photo.jpg"));  // ".." is refused even when it comes back
    CHECK(!isPathInside(dir.path, "/etc/passwd"));
    CHECK(!isPathInside(dir.path, std::string("media/a\0b.jpg", 13)));
}

TEST_CASE("media paths: symbolic links are followed before deciding") {
    TempDir dir;
    TempDir outside;
    const fs::path base = dir.path / "data";
    fs::create_directories(base / "media");
    fs::create_directories(dir.path / "data2");
    std::error_code ec;
    fs::create_directory_symlink(outside.path, base / "out", ec);
    REQUIRE(!ec);
    fs::create_directory_symlink(base / "media", base / "alias", ec);
    REQUIRE(!ec);
    fs::create_directory_symlink("../data2", base / "sibling", ec);  // "data2" starts like "data"
    REQUIRE(!ec);
    fs::create_directory_symlink(base, dir.path / "link-to-data", ec);
    REQUIRE(!ec);
    { std::ofstream(outside.path / "secret.txt") << "x"; }

    CHECK(!isPathInside(base, "out/secret.txt"));
    CHECK(!isPathInside(base, "out"));
    CHECK(isPathInside(base, "alias/photo.jpg"));
    CHECK(!isPathInside(base, "sibling/photo.jpg"));
    CHECK(isPathInside(dir.path / "link-to-data", "media/photo.jpg"));  // the folder itself may be a link
}

TEST_CASE("image: only PNG and JPEG with a sound structure reach the decoder (found by fuzz_image_file)") {
    // Each of these made Debian's stb_image 2.27 corrupt memory, allocate 1 GiB or hang.
    ImageResult r = loadImageRgba(kImages / "jpeg_huffman_514_codes.jpg");
    CHECK(r.error == (kImages / "jpeg_huffman_514_codes.jpg").string() +
                         ": truncated or corrupt image (a JPEG Huffman table has 514 codes, at most 256)");
    r = loadImageRgba(kImages / "jpeg_huffman_overflow.jpg");  // the fuzzer's: its table is also cut off
    CHECK(r.error == (kImages / "jpeg_huffman_overflow.jpg").string() +
                         ": truncated or corrupt image (a JPEG segment is cut off)");
    // The same overflow in a DHT that follows scan data holding "FF FF ... FF 00" (fill bytes, then
    // a stuffed 0xFF): stb_image reads on through that as data, so the check must too.
    r = loadImageRgba(kImages / "jpeg_stuffed_fill_then_huffman_overflow.jpg");
    CHECK(r.error == (kImages / "jpeg_stuffed_fill_then_huffman_overflow.jpg").string() +
                         ": truncated or corrupt image (a JPEG segment is cut off)");
    r = loadImageRgba(kImages / "png_chunk_huge.png");
    CHECK(r.error == (kImages / "png_chunk_huge.png").string() +
                         ": truncated or corrupt image (a PNG chunk claims 1073741857 bytes, 25 are left)");
    for (const char* other : {"pnm_16bit_overread.ppm", "hdr_rle_hang.hdr", "not_an_image.png"}) {
        CAPTURE(other);
        CHECK(loadImageRgba(kImages / other).error == (kImages / other).string() + ": not a PNG or JPEG image");
    }
    // A scan using Huffman tables no DHT segment defines: stb_image decoded with uninitialised
    // table memory and read 16 MB outside it (seen only under the fuzzer, where freed tables of
    // earlier images filled that memory).
    r = loadImageRgba(kImages / "jpeg_no_huffman_tables.jpg");
    CHECK(r.error == (kImages / "jpeg_no_huffman_tables.jpg").string() +
                         ": truncated or corrupt image (a JPEG scan uses a Huffman table that no DHT segment defines)");
    // The sound ones still decode: PNG, a progressive JPEG (its DC refinement and AC scans use only
    // some tables), and the shipped baseline JPEG basemap (tested above).
    CHECK(loadImageRgba(kImages / "valid_4x3.png").ok());
    r = loadImageRgba(kImages / "progressive_12x8.jpg");
    CHECK(r.ok());
    CHECK(r.image.width == 12);
    CHECK(r.image.height == 8);
}
