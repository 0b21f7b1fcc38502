#include "core/event_filter.h"

#include <algorithm>

namespace meridian {

namespace {

bool contains(const std::vector<Index>& v, Index i) {
    return std::find(v.begin(), v.end(), i) != v.end();
}

}  // namespace

std::string foldForSearch(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        // Two-byte Latin-1 supplement and Latin Extended-A letters: map to their base letter.
        if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < text.size()) {
            const unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
            static const char* kLatin1 = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";  // U+00E0..U+00FF
            char base = 0;
            if (cp == 0xDF)
                base = 's';  // ß: "ss" below
            else if (cp >= 0xC0 && cp <= 0xDE)
                base = kLatin1[cp - 0xC0];
            else if (cp >= 0xE0 && cp <= 0xFF)
                base = kLatin1[cp - 0xE0];
            else if (cp >= 0x100 && cp <= 0x17F) {
                static const char* kExtA =
                    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssss"
                    "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";
                base = kExtA[cp - 0x100];
            }
            if (base && base != '/') {
                out += base;
                if (cp == 0xDF) out += 's';  // ß -> ss
                ++i;
                continue;
            }
        }
        out += static_cast<char>(c);
    }
    return out;
}

bool EventFilter::isActive() const {
    return !categories.empty() || !actors.empty() || !countries.empty() || !tags.empty() ||
           confidenceMask != kAllConfidenceMask || sourceKindMask != kAllSourceKinds || from || to || !text.empty();
}

std::string EventFilter::describe(const Dataset& ds) const {
    std::vector<std::string> parts;
    if (confidenceMask == (1u << static_cast<int>(Confidence::Confirmed)))
        parts.push_back("confirmed only");
    else if (confidenceMask != kAllConfidenceMask) {
        std::string levels;
        for (int c = 0; c < kConfidenceCount; ++c)
            if (confidenceMask & (1u << c))
                levels += (levels.empty() ? "" : ", ") + std::string(confidenceId(static_cast<Confidence>(c)));
        parts.push_back(levels.empty() ? "no confidence level" : levels);
    }
    if (categories.size() == 1 && categories[0] < ds.categories.size())
        parts.push_back(ds.categories[categories[0]].label);
    else if (!categories.empty())
        parts.push_back(std::to_string(categories.size()) + " categories");
    if (actors.size() == 1 && actors[0] < ds.actors.size())
        parts.push_back(ds.actors[actors[0]].name);
    else if (!actors.empty())
        parts.push_back(std::to_string(actors.size()) + " actors");
    if (!countries.empty())
        parts.push_back(countries.size() == 1 ? countries[0] : std::to_string(countries.size()) + " countries");
    if (!tags.empty()) parts.push_back(tags.size() == 1 ? "#" + tags[0] : std::to_string(tags.size()) + " tags");
    if (sourceKindMask != kAllSourceKinds) parts.push_back("some source kinds");
    if (from || to)
        parts.push_back((from ? from->iso() : std::string("...")) + "\u2013" + (to ? to->iso() : std::string("...")));
    if (!text.empty()) parts.push_back("\u201C" + text + "\u201D");
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
    return out;
}

bool eventPasses(const Dataset& ds, const Event& e, const EventFilter& f) {
    if (!(f.confidenceMask & (1u << static_cast<int>(e.confidence)))) return false;
    if (!f.categories.empty() && !contains(f.categories, e.category)) return false;
    if (!f.actors.empty() &&
        std::none_of(e.actors.begin(), e.actors.end(), [&](Index a) { return contains(f.actors, a); }))
        return false;
    if (!f.countries.empty()) {
        auto has = [&](const std::string& c) {
            return !c.empty() && std::find(f.countries.begin(), f.countries.end(), c) != f.countries.end();
        };
        bool any = false;
        for (Index p : {e.place, e.from, e.to})
            if (p != kNoIndex) any |= has(ds.places[p].country);
        for (Index p : e.via) any |= has(ds.places[p].country);
        for (Index a : e.actors) any |= has(ds.actors[a].country);
        if (!any) return false;
    }
    if (!f.tags.empty() && std::none_of(e.tags.begin(), e.tags.end(), [&](const std::string& t) {
            return std::find(f.tags.begin(), f.tags.end(), t) != f.tags.end();
        }))
        return false;
    if (f.sourceKindMask != kAllSourceKinds &&
        std::none_of(e.sources.begin(), e.sources.end(), [&](const SourceRef& r) {
            return r.source < ds.sources.size() &&
                   (f.sourceKindMask & (1u << static_cast<int>(ds.sources[r.source].kind)));
        }))
        return false;
    const DaySpan span = e.span();
    if (f.from && span.last <= f.from->span().first) return false;
    if (f.to && span.first >= f.to->span().last) return false;
    if (!f.text.empty()) {
        const std::string needle = foldForSearch(f.text);
        auto hit = [&](const std::string& hay) { return foldForSearch(hay).find(needle) != std::string::npos; };
        bool any = hit(e.title) || hit(e.summary) || hit(e.note) || hit(e.id);
        for (Index p : {e.place, e.from, e.to})
            if (!any && p != kNoIndex) any = hit(ds.places[p].name) || hit(ds.places[p].label);
        for (Index p : e.via)
            if (!any) any = hit(ds.places[p].name) || hit(ds.places[p].label);
        for (Index a : e.actors)
            if (!any) any = hit(ds.actors[a].name);
        for (const SourceRef& r : e.sources)
            if (!any && r.source < ds.sources.size())
                any = hit(ds.sources[r.source].publisher) || hit(ds.sources[r.source].title) ||
                      hit(ds.sources[r.source].author) || hit(r.note);
        for (const std::string& t : e.tags)
            if (!any) any = hit(t);
        if (!any) return false;
    }
    return true;
}

FilterResult applyFilter(const Dataset& ds, const EventFilter& f) {
    FilterResult r;
    r.mask.assign(ds.events.size(), 1);
    if (!f.isActive()) {
        r.shown = ds.events.size();
        return r;
    }
    for (std::size_t i = 0; i < ds.events.size(); ++i) {
        r.mask[i] = eventPasses(ds, ds.events[i], f) ? 1 : 0;
        r.shown += r.mask[i];
    }
    return r;
}

}  // namespace meridian
