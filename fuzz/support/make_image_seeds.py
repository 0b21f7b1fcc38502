#!/usr/bin/env python3
"""Writes the seed corpus of fuzz_image_file (fuzz/seeds/image_file/): tiny images of every
kind stb_image decodes, so the fuzzer starts inside each decoder instead of at the magic bytes.

PNG (every colour type and bit depth, palette with transparency, Adam7 interlacing), Radiance
HDR and Photoshop PSD are written here byte by byte; JPEG, GIF, BMP, TGA and PNM come from ffmpeg
(Debian package) when it is installed. Run from anywhere: python3 fuzz/support/make_image_seeds.py
"""
import os
import struct
import subprocess
import tempfile
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "seeds", "image_file")


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, colour_type, depth, row_bytes, interlace=False, extra=b""):
    """row_bytes(x_count, y) -> the packed samples of one row (x_count pixels)."""
    raw = b""
    if not interlace:
        for y in range(height):
            raw += b"\x00" + row_bytes(width, y)
    else:  # Adam7: seven passes of sub-images
        passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
        for x0, y0, dx, dy in passes:
            cols = len(range(x0, width, dx))
            for y in range(y0, height, dy):
                if cols:
                    raw += b"\x00" + row_bytes(cols, y)
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour_type, 0, 0, 1 if interlace else 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def packed(bits_per_sample, samples):
    """Packs integer samples MSB first into bytes."""
    out, acc, n = bytearray(), 0, 0
    for s in samples:
        acc = (acc << bits_per_sample) | s
        n += bits_per_sample
        while n >= 8:
            n -= 8
            out.append((acc >> n) & 0xFF)
    if n:
        out.append((acc << (8 - n)) & 0xFF)
    return bytes(out)


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def pngs():
    w, h = 5, 3
    for depth in (1, 2, 4, 8, 16):
        top = (1 << depth) - 1
        write(f"gray{depth}.png", png(w, h, 0, depth, lambda n, y, d=depth, t=top: packed(d, [(x * y) % (t + 1) for x in range(n)])))
    write("rgb8.png", png(w, h, 2, 8, lambda n, y: bytes((x * 40 + c * 9 + y) % 256 for x in range(n) for c in range(3))))
    write("rgb16.png", png(w, h, 2, 16, lambda n, y: packed(16, [(x * 4000 + c) % 65536 for x in range(n) for c in range(3)])))
    write("gray-alpha8.png", png(w, h, 4, 8, lambda n, y: bytes((x * 50, y * 100) [i] for x in range(n) for i in range(2))))
    write("rgba8.png", png(w, h, 6, 8, lambda n, y: bytes((x * 50 + c * 20) % 256 for x in range(n) for c in range(4))))
    write("rgba16.png", png(w, h, 6, 16, lambda n, y: packed(16, [(x * 9000 + c) % 65536 for x in range(n) for c in range(4)])))
    plte = chunk(b"PLTE", bytes([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]))
    trns = chunk(b"tRNS", bytes([0, 128]))
    write("palette4-trns.png", png(w, h, 3, 4, lambda n, y: packed(4, [(x + y) % 4 for x in range(n)]), extra=plte + trns))
    write("palette8.png", png(w, h, 3, 8, lambda n, y: bytes((x + y) % 4 for x in range(n)), extra=plte))
    write("gray8-trns.png", png(w, h, 0, 8, lambda n, y: bytes(x * 60 for x in range(n)), extra=chunk(b"tRNS", b"\x00\x3c")))
    write("interlaced-rgb8.png", png(9, 9, 2, 8, lambda n, y: bytes((x * 30 + y * 7 + c) % 256 for x in range(n) for c in range(3)), interlace=True))
    write("interlaced-gray1.png", png(9, 9, 0, 1, lambda n, y: packed(1, [(x + y) % 2 for x in range(n)]), interlace=True))
    # A CgBI (Apple) chunk and an unknown ancillary chunk before the image data.
    write("ancillary-chunks.png", png(2, 2, 2, 8, lambda n, y: bytes(range(3 * n)), extra=chunk(b"gAMA", struct.pack(">I", 45455)) + chunk(b"tEXt", b"Title\x00seed")))


def hdr():
    w, h = 3, 2
    head = b"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y %d +X %d\n" % (h, w)
    write("flat.hdr", head + bytes([128, 64, 32, 129] * (w * h)))
    # Widths 8..32767 use the run-length form: one scanline of 8 pixels, each channel a literal run.
    w = 8
    line = b"\x02\x02" + struct.pack(">H", w)
    for c in range(4):
        line += bytes([w]) + bytes(((x * 20 + c * 3) % 256) if c < 3 else 128 for x in range(w))
    write("rle.hdr", b"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 1 +X 8\n" + line)


def psd():
    w, h, channels = 4, 2, 3
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, channels, h, w, 8, 3)  # version 1, RGB, 8 bits
    body = struct.pack(">I", 0) + struct.pack(">I", 0) + struct.pack(">I", 0)  # colour mode, resources, layers
    raw = struct.pack(">H", 0) + bytes((i * 13) % 256 for i in range(w * h * channels))  # compression 0: raw planes
    write("raw-rgb.psd", header + body + raw)
    # RLE (PackBits): per channel per row a byte count, then the packed rows (a literal run of 4).
    counts = struct.pack(">" + "H" * (h * channels), *([5] * (h * channels)))
    rows = b"".join(b"\x03" + bytes((r * 40 + i) % 256 for i in range(w)) for r in range(h * channels))
    write("rle-rgb.psd", header + body + struct.pack(">H", 1) + counts + rows)


def ffmpeg_images():
    try:
        subprocess.run(["ffmpeg", "-version"], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        print("ffmpeg not found: JPEG, GIF, BMP, TGA and PNM seeds not written")
        return
    with tempfile.TemporaryDirectory() as tmp:
        source = "testsrc=size=12x8:rate=1:duration=1"
        jobs = [
            ("baseline-420.jpg", ["-pix_fmt", "yuvj420p"]),
            ("baseline-444.jpg", ["-pix_fmt", "yuvj444p"]),
            ("gray.jpg", ["-pix_fmt", "gray"]),
            ("palette.gif", []),
            ("rgb24.bmp", ["-pix_fmt", "bgr24"]),
            ("bgra.bmp", ["-pix_fmt", "bgra"]),
            ("pal8.bmp", ["-pix_fmt", "pal8"]),
            ("rgb.tga", ["-pix_fmt", "bgr24"]),
            ("rle.tga", ["-pix_fmt", "bgra", "-rle", "1"]),
            ("rgb.ppm", []),
            ("gray.pgm", []),
        ]
        for name, args in jobs:
            path = os.path.join(tmp, name)
            cmd = ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", source, "-frames:v", "1", *args, "-y", path]
            if subprocess.run(cmd).returncode == 0:
                with open(path, "rb") as f:
                    write(name, f.read())
            else:
                print("ffmpeg could not write", name)
        # Progressive, restart-marker and optimised-table JPEGs: jpegtran (libjpeg-turbo-progs).
        for name, source_name, args in [("progressive.jpg", "baseline-420.jpg", ["-progressive"]),
                                        ("progressive-gray.jpg", "gray.jpg", ["-progressive"]),
                                        ("restart-markers.jpg", "baseline-444.jpg", ["-restart", "1"]),
                                        ("optimised.jpg", "baseline-420.jpg", ["-optimize"])]:
            path = os.path.join(tmp, name)
            try:
                subprocess.run(["jpegtran", *args, "-outfile", path, os.path.join(OUT, source_name)], check=True)
                with open(path, "rb") as f:
                    write(name, f.read())
            except (OSError, subprocess.CalledProcessError):
                print("jpegtran not found or failed: no", name)


def hostile():
    # Headers that promise more than they hold, or sizes beyond the limits.
    write("truncated-idat.png", png(4, 4, 2, 8, lambda n, y: bytes(3 * n))[:-30])
    ihdr = struct.pack(">IIBBBBB", 70000, 70000, 8, 2, 0, 0, 0)
    write("huge-header.png", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b""))
    write("huge.hdr", b"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 30000 +X 30000\n" + b"\x00" * 16)
    write("huge.psd", b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, 30000, 30000, 8, 3) + b"\x00" * 14)
    # A baseline JPEG without its Huffman tables: its scan uses tables no DHT segment defines.
    with open(os.path.join(OUT, "baseline-420.jpg"), "rb") as f:
        jpeg = f.read()
    out, at = jpeg[:2], 2
    while at < len(jpeg):
        marker, length = jpeg[at + 1], struct.unpack(">H", jpeg[at + 2:at + 4])[0]
        if marker == 0xDA:
            out += jpeg[at:]
            break
        if marker != 0xC4:
            out += jpeg[at:at + 2 + length]
        at += 2 + length
    write("no-huffman-tables.jpg", out)
    write("sof-only.jpg", b"\xff\xd8\xff\xc0\x00\x11\x08\x7f\xff\x7f\xff\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01\xff\xd9")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    pngs()
    hdr()
    psd()
    ffmpeg_images()
    hostile()
    print("seeds in", os.path.normpath(OUT))
