#include "io/flat_id_table.h"

#include <algorithm>
#include <cstring>
#include <functional>

namespace meridian::io {

namespace {

std::uint32_t hashOf(std::string_view id) {
    // 64 bits even where size_t has 32 (the browser build): shifting a 32-bit size_t by
    // 32 is undefined, and in wasm gave every id the hash 0 (each insert a scan of the table).
    const std::uint64_t h = std::hash<std::string_view>{}(id);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
}

}  // namespace

void FlatIdTable::reserve(std::size_t ids) {
    m_entries.reserve(ids);
    std::size_t slots = 16;
    while (slots < ids * 2) slots *= 2;
    if (slots > m_slots.size()) rehash(slots);
}

void FlatIdTable::rehash(std::size_t slots) {
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(slots, Slot{});
    const std::size_t mask = slots - 1;
    for (const Slot& s : old) {
        if (!s.entry) continue;
        std::size_t i = s.hash & mask;
        while (m_slots[i].entry) i = (i + 1) & mask;
        m_slots[i] = s;
    }
}

std::string_view FlatIdTable::copy(std::string_view id) {
    if (id.size() > m_left) {
        const std::size_t n = std::max<std::size_t>(id.size(), std::size_t(1) << 20);
        m_blocks.emplace_back(new char[n]);
        m_next = m_blocks.back().get();
        m_left = n;
    }
    if (!id.empty()) std::memcpy(m_next, id.data(), id.size());
    const std::string_view out(m_next, id.size());
    m_next += id.size();
    m_left -= id.size();
    return out;
}

const FlatIdTable::Entry* FlatIdTable::find(std::string_view id) const {
    if (m_slots.empty()) return nullptr;
    const std::uint32_t h = hashOf(id);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = h & mask; m_slots[i].entry; i = (i + 1) & mask)
        if (m_slots[i].hash == h && m_entries[m_slots[i].entry - 1].id == id) return &m_entries[m_slots[i].entry - 1];
    return nullptr;
}

std::pair<const FlatIdTable::Entry*, bool> FlatIdTable::insert(std::string_view id, Index index, unsigned line) {
    if ((m_entries.size() + 1) * 2 > m_slots.size()) rehash(std::max<std::size_t>(16, m_slots.size() * 2));
    const std::uint32_t h = hashOf(id);
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = h & mask;
    for (; m_slots[i].entry; i = (i + 1) & mask)
        if (m_slots[i].hash == h && m_entries[m_slots[i].entry - 1].id == id)
            return {&m_entries[m_slots[i].entry - 1], false};
    m_entries.push_back({copy(id), index, line});
    m_slots[i] = {h, static_cast<std::uint32_t>(m_entries.size())};
    return {&m_entries.back(), true};
}

}  // namespace meridian::io
