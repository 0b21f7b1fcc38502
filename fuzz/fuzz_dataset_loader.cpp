// libFuzzer target: any bytes through the JSON reader and the validator must
// give a dataset or located diagnostics, never a crash, a hang or a read out
// of bounds (ASan/UBSan watch).
#include <cstdint>
#include <string_view>

#include "io/dataset_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto result = meridian::io::parseDataset(text, "fuzz.json");
    // Every diagnostic is located (line >= 1) and says something.
    for (const auto& d : result.diagnostics)
        if (d.line == 0 || d.message.empty()) __builtin_trap();
    return 0;
}
