#include "io/dataset_layout.h"

#include <optional>
#include <unordered_map>
#include <vector>

#include "io/dataset_loader.h"
#include "io/dataset_writer.h"
#include "io/import/json_text.h"
#include "io/json_spans.h"

namespace meridian::io {

namespace {

constexpr std::size_t kNoRank = static_cast<std::size_t>(-1);

const JsonMember* findMember(const JsonMembers& members, std::string_view key) {
    for (const JsonMember& m : members)
        if (key == m.key) return &m;
    return nullptr;
}

std::size_t rankOf(const std::vector<std::string>& order, std::string_view key) {
    for (std::size_t i = 0; i < order.size(); ++i)
        if (order[i] == key) return i;
    return kNoRank;
}

// One member (or item) of the output: the original's text, or new text.
struct Piece {
    std::optional<std::size_t> original;  // the original member / item whose place it takes (its separators)
    std::string text;
    std::size_t rank = kNoRank;  // its key's place in the canonical order (objects)
};

// The original container's pieces, prefix, separators and suffix, with new pieces between.
std::string joinPieces(std::string_view text, JsonSpan whole, const std::vector<JsonSpan>& spans,
                       const std::vector<Piece>& pieces, const char* empty) {
    if (pieces.empty()) return empty;
    // Between two members: the original's own separator where two originals stay
    // neighbours, else the first separator (or one made from the spacing after the bracket).
    std::string typical;
    if (spans.size() >= 2) {
        typical = text.substr(spans[0].end, spans[1].begin - spans[0].end);
    } else {
        typical = ",";
        typical += text.substr(whole.begin + 1, spans[0].begin - whole.begin - 1);
    }
    std::string out(text.substr(whole.begin, spans[0].begin - whole.begin));
    for (std::size_t j = 0; j < pieces.size(); ++j) {
        if (j > 0) {
            const auto& a = pieces[j - 1].original;
            const auto& b = pieces[j].original;
            if (a && b && *b == *a + 1)
                out += text.substr(spans[*a].end, spans[*b].begin - spans[*a].end);
            else
                out += typical;
        }
        out += pieces[j].text;
    }
    out += text.substr(spans.back().end, whole.end - spans.back().end);
    return out;
}

std::string indented(const std::string& json, std::string_view indent) {
    std::string out;
    for (const char c : json) {
        out += c;
        if (c == '\n') out += indent;
    }
    return out;
}

// Members that are new in `now` go after the nearest piece whose key comes before theirs.
void insertByRank(std::vector<Piece>& pieces, Piece piece) {
    std::size_t at = 0;
    for (std::size_t q = 0; q < pieces.size(); ++q)
        if (pieces[q].rank != kNoRank && pieces[q].rank < piece.rank) at = q + 1;
    pieces.insert(pieces.begin() + static_cast<std::ptrdiff_t>(at), std::move(piece));
}

std::string memberText(std::string_view key, const std::string& json) {
    std::string out = jsonString(key);
    out += ": ";
    out += json;
    return out;
}

// One record, changed: its members rewritten where they differ.
std::string spliceRecord(std::string_view text, const JsonObjectSpans& obj, const JsonMembers& before,
                         const JsonMembers& now, std::string_view indent, std::string_view unit) {
    if (obj.members.empty()) {
        std::string out;
        appendRecordText(out, now, indent, unit);
        return out;
    }
    std::vector<std::string> order;
    for (const JsonMember& m : now) order.emplace_back(m.key);
    std::vector<Piece> pieces;
    std::vector<JsonSpan> spans;
    std::vector<std::string_view> seen;
    for (std::size_t i = 0; i < obj.members.size(); ++i) {
        const JsonMemberSpan& m = obj.members[i];
        spans.push_back({m.keyBegin, m.value.end});
        seen.push_back(m.key);
        const JsonMember* b = findMember(before, m.key);
        const JsonMember* n = findMember(now, m.key);
        const std::size_t rank = rankOf(order, m.key);
        if ((!b && !n) || (b && n && b->json == n->json)) {
            // Unchanged, or a key Meridian does not know (or a default it does not write): as it was.
            pieces.push_back({i, std::string(text.substr(m.keyBegin, m.value.end - m.keyBegin)), rank});
        } else if (n) {
            pieces.push_back({i, std::string(text.substr(m.keyBegin, m.value.begin - m.keyBegin)) + n->json, rank});
        }  // else: no longer set
    }
    for (std::size_t k = 0; k < now.size(); ++k) {
        bool there = false;
        for (std::string_view s : seen) there = there || s == now[k].key;
        if (!there) insertByRank(pieces, {std::nullopt, memberText(now[k].key, now[k].json), k});
    }
    return joinPieces(text, obj.whole, spans, pieces, "{}");
}

bool sameRecord(const Dataset& a, const Dataset& b, DatasetList list, std::size_t i, std::size_t j) {
    switch (list) {
        case DatasetList::Places:
            return a.places[i] == b.places[j];
        case DatasetList::Sources:
            return a.sources[i] == b.sources[j];
        case DatasetList::Categories:
            return a.categories[i] == b.categories[j];
        case DatasetList::Actors:
            return a.actors[i] == b.actors[j];
        case DatasetList::Eras:
            return a.eras[i] == b.eras[j];
        case DatasetList::Events:
            return a.events[i] == b.events[j];
    }
    return false;
}

// A list of records ("places", "events", ...): records matched by id.
std::optional<std::string> spliceList(std::string_view text, const JsonArraySpans& arr, const Dataset& before,
                                      const Dataset& now, DatasetList list, std::string_view memberIndent,
                                      std::string_view unit) {
    const std::size_t nBefore = datasetListSize(before, list), nNow = datasetListSize(now, list);
    if (arr.items.size() != nBefore) return std::nullopt;
    if (nNow == 0) return std::string("[]");
    const std::string itemIndent = arr.items.empty() ? std::string(memberIndent) + std::string(unit)
                                                     : std::string(lineIndentAt(text, arr.items[0].begin));
    std::unordered_map<std::string_view, std::size_t> beforeIds, nowIds;
    for (std::size_t i = 0; i < nBefore; ++i) beforeIds.emplace(datasetRecordId(before, list, i), i);
    for (std::size_t i = 0; i < nNow; ++i) nowIds.emplace(datasetRecordId(now, list, i), i);
    // Records refer to others by index: equal records write the same text when
    // every list's ids are the same in both (else their members are compared).
    bool refsSame = true;
    for (const DatasetList other : kDatasetLists) {
        const std::size_t n = datasetListSize(before, other);
        refsSame = refsSame && n == datasetListSize(now, other);
        for (std::size_t i = 0; refsSame && i < n; ++i)
            refsSame = datasetRecordId(before, other, i) == datasetRecordId(now, other, i);
    }
    std::vector<Piece> pieces;
    for (std::size_t i = 0; i < nNow; ++i) {
        const std::string& id = datasetRecordId(now, list, i);
        std::optional<std::size_t> from;
        if (const auto it = beforeIds.find(id); it != beforeIds.end())
            from = it->second;
        else if (i < nBefore && !nowIds.count(datasetRecordId(before, list, i)))
            from = i;  // renamed in place: the same record with a new id
        if (from && refsSame && sameRecord(before, now, list, *from, i)) {  // the quick test
            const JsonSpan item = arr.items[*from];
            pieces.push_back({*from, std::string(text.substr(item.begin, item.end - item.begin))});
            continue;
        }
        const JsonMembers n = datasetRecordMembers(now, list, i);
        if (!from) {
            Piece p;
            appendRecordText(p.text, n, itemIndent, unit);
            pieces.push_back(std::move(p));
            continue;
        }
        const JsonSpan item = arr.items[*from];
        const JsonMembers b = datasetRecordMembers(before, list, *from);
        if (b == n) {
            pieces.push_back({*from, std::string(text.substr(item.begin, item.end - item.begin))});
            continue;
        }
        const auto obj = jsonObjectSpans(text, item.begin);
        if (!obj) return std::nullopt;
        pieces.push_back({*from, spliceRecord(text, *obj, b, n, itemIndent, unit)});
    }
    if (arr.items.empty()) {
        // Written as the canonical layout writes a list.
        std::string out = "[\n";
        for (std::size_t j = 0; j < pieces.size(); ++j) {
            out += itemIndent + pieces[j].text;
            out += j + 1 == pieces.size() ? "\n" : ",\n";
        }
        return out + std::string(memberIndent) + "]";
    }
    return joinPieces(text, arr.whole, arr.items, pieces, "[]");
}

std::optional<DatasetList> listOfKey(std::string_view key) {
    for (const DatasetList list : kDatasetLists)
        if (key == datasetListKey(list)) return list;
    return std::nullopt;
}

std::optional<std::string> keepLayout(const Dataset& now, const Dataset& before, std::string_view text) {
    const auto top = jsonObjectSpans(text, 0);
    if (!top || top->members.empty()) return std::nullopt;
    const JsonMembers headBefore = datasetHeaderMembers(before), headNow = datasetHeaderMembers(now);
    // Every top-level key now has, in the canonical order.
    std::vector<std::string> order;
    for (const JsonMember& m : headNow) order.emplace_back(m.key);
    for (const DatasetList list : kDatasetLists) order.emplace_back(datasetListKey(list));
    order.emplace_back("stories");
    const std::string memberIndent(lineIndentAt(text, top->members[0].keyBegin));
    // The file's unit of indentation (a tab, two or four spaces), for records written anew.
    const std::string unit = memberIndent.empty() ? std::string("  ") : memberIndent;

    std::vector<Piece> pieces;
    std::vector<JsonSpan> spans;
    std::vector<std::string_view> seen;
    for (std::size_t i = 0; i < top->members.size(); ++i) {
        const JsonMemberSpan& m = top->members[i];
        spans.push_back({m.keyBegin, m.value.end});
        seen.push_back(m.key);
        const std::string_view keyText = text.substr(m.keyBegin, m.value.begin - m.keyBegin);
        const std::string original(text.substr(m.keyBegin, m.value.end - m.keyBegin));
        const std::size_t rank = rankOf(order, m.key);
        if (const auto list = listOfKey(m.key)) {
            const auto arr = jsonArraySpans(text, m.value.begin);
            if (!arr) return std::nullopt;
            const auto value = spliceList(text, *arr, before, now, *list, lineIndentAt(text, m.keyBegin), unit);
            if (!value) return std::nullopt;
            pieces.push_back({i, std::string(keyText) + *value, rank});
            continue;
        }
        if (m.key == "stories") {
            const std::string b = before.stories.empty() ? "" : datasetStoriesJson(before, "");
            const std::string n = now.stories.empty() ? "" : datasetStoriesJson(now, "");
            if (b == n)
                pieces.push_back({i, original, rank});
            else if (!n.empty())
                pieces.push_back({i, std::string(keyText) + indented(n, lineIndentAt(text, m.keyBegin)), rank});
            continue;
        }
        const JsonMember* b = findMember(headBefore, m.key);
        const JsonMember* n = findMember(headNow, m.key);
        if ((!b && !n) || (b && n && b->json == n->json))
            pieces.push_back({i, original, rank});
        else if (n)
            pieces.push_back({i, std::string(keyText) + indented(n->json, lineIndentAt(text, m.keyBegin)), rank});
    }
    // Keys the original does not have yet (an empty list stays unwritten).
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::string& key = order[k];
        bool there = false;
        for (std::string_view s : seen) there = there || s == key;
        if (there) continue;
        std::string value;
        if (const auto list = listOfKey(key)) {
            if (datasetListSize(now, *list) == 0) continue;
            const JsonArraySpans none;
            const Dataset empty;
            const auto v = spliceList(text, none, empty, now, *list, memberIndent, unit);
            if (!v) return std::nullopt;
            value = *v;
        } else if (key == "stories") {
            if (now.stories.empty()) continue;
            value = datasetStoriesJson(now, memberIndent);
        } else {
            value = findMember(headNow, key)->json;
        }
        insertByRank(pieces, {std::nullopt, memberText(key, value), k});
    }
    std::string out = std::string(text.substr(0, top->whole.begin));  // a byte order mark, white space
    out += joinPieces(text, top->whole, spans, pieces, "{}");
    out += text.substr(top->whole.end);
    return out;
}

// A file whose lines all end in CR LF (written on Windows): new lines get them too.
bool usesCrLf(std::string_view text) {
    std::size_t lf = 0, crlf = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') ++lf, crlf += i > 0 && text[i - 1] == '\r';
    return lf > 0 && crlf == lf;
}

// Every LF not already after a CR becomes CR LF (JSON strings hold no raw line breaks).
std::string withCrLf(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
        out += text[i];
    }
    return out;
}

}  // namespace

LaidOutText layOutDataset(const Dataset& now, std::string_view original) {
    if (original.empty()) return {datasetToJson(now), false};
    const DatasetLoadResult before = parseDataset(original, "original.json");
    if (!before.ok()) return {datasetToJson(now), false};
    std::optional<std::string> kept = keepLayout(now, *before.dataset, original);
    if (!kept) return {datasetToJson(now), false};
    if (usesCrLf(original)) kept = withCrLf(*kept);
    // The kept layout must hold exactly the data the canonical one would.
    const DatasetLoadResult check = parseDataset(*kept, "saved.json");
    if (check.ok() && *check.dataset == now) return {std::move(*kept), true};  // the quick test
    std::string canonical = datasetToJson(now);
    if (!check.ok() || datasetToJson(*check.dataset) != canonical) return {std::move(canonical), false};
    return {std::move(*kept), true};
}

std::string datasetToJsonKeepingLayout(const Dataset& now, std::string_view original) {
    return layOutDataset(now, original).text;
}

}  // namespace meridian::io
