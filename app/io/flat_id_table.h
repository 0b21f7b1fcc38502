// Ids to their index (and the line they were defined at, for "duplicate id"
// messages) for lists of a million, the events: open addressing in one flat
// array, the ids' text copied into large blocks. No allocation per id (a
// node-based map costs ~64 bytes and a cache miss or two an id), and the
// table does not depend on the text it was read from staying alive.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/index.h"

namespace meridian::io {

class FlatIdTable {
public:
    struct Entry {
        std::string_view id;  // the table's own copy
        Index index;
        unsigned line;
    };

    void reserve(std::size_t ids);
    // Adds id (copied) unless it is there: {the entry, true when added}.
    std::pair<const Entry*, bool> insert(std::string_view id, Index index, unsigned line);
    const Entry* find(std::string_view id) const;
    std::size_t size() const { return m_entries.size(); }

private:
    struct Slot {
        std::uint32_t hash = 0;
        std::uint32_t entry = 0;  // entry index + 1; 0: empty
    };
    std::string_view copy(std::string_view id);
    void rehash(std::size_t slots);

    std::vector<Slot> m_slots;  // a power of two, at most half full
    std::vector<Entry> m_entries;
    std::vector<std::unique_ptr<char[]>> m_blocks;  // the ids' text
    char* m_next = nullptr;
    std::size_t m_left = 0;
};

}  // namespace meridian::io
