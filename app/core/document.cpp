// [SECTION] Loading and ids
// [SECTION] Checking a step
// [SECTION] Applying a step (references renumbered, the time index kept)
// [SECTION] History: apply, undo, redo
#include "core/document.h"

#include <algorithm>
#include <cassert>

#include "core/references.h"

namespace meridian {

namespace {

// Calls fn with the dataset's list of a kind.
template <typename Fn>
decltype(auto) withList(Dataset& ds, RecordKind kind, Fn fn) {
    switch (kind) {
        case RecordKind::Place:
            return fn(ds.places);
        case RecordKind::Source:
            return fn(ds.sources);
        case RecordKind::Category:
            return fn(ds.categories);
        case RecordKind::Actor:
            return fn(ds.actors);
        case RecordKind::Era:
            return fn(ds.eras);
        case RecordKind::Event:
            return fn(ds.events);
        case RecordKind::Story:
            break;
    }
    return fn(ds.stories);
}

// The time index's order: first day, then id (as Dataset::finalize()).
bool startsBefore(const Event& a, const Event& b) {
    const DayNumber fa = a.span().first, fb = b.span().first;
    return fa != fb ? fa < fb : a.id < b.id;
}

// Where event `e` stands (or goes) in the time index: the first entry not starting before it.
std::vector<Index>::iterator startIndexSlot(Dataset& ds, Index e) {
    const Event& event = ds.events[e];
    return std::lower_bound(ds.eventsByStart.begin(), ds.eventsByStart.end(), e,
                            [&](Index a, Index) { return startsBefore(ds.events[a], event); });
}

// Where index `moved` goes when a record moves from `from` to `to`.
Index movedIndex(Index i, Index from, Index to) {
    if (i == kNoIndex) return i;
    if (i == from) return to;
    if (from < to && i > from && i <= to) return i - 1;
    if (to < from && i >= to && i < from) return i + 1;
    return i;
}

void recomputeExtent(Dataset& ds) {
    ds.maxEventDays = 1;
    bool any = false;
    auto grow = [&](DaySpan s) {
        if (!any) ds.extent = s, any = true;
        ds.extent.first = std::min(ds.extent.first, s.first);
        ds.extent.last = std::max(ds.extent.last, s.last);
    };
    for (const Event& e : ds.events) {
        ds.maxEventDays = std::max(ds.maxEventDays, e.span().length());
        grow(e.uncertaintySpan());
    }
    for (const Era& era : ds.eras) grow(era.span());
    if (!any) ds.extent = DaySpan{0, 1};
}

}  // namespace

// ===========================================================================
// [SECTION] Loading and ids
// ===========================================================================

Document::Document() {
    for (int k = 0; k < kRecordKindCount; ++k) rebuildIds(static_cast<RecordKind>(k));
}

void Document::setFile(std::filesystem::path path, std::filesystem::file_time_type time) {
    m_path = std::move(path);
    m_fileTime = time;
}

void Document::replaceAll(Dataset data, std::filesystem::path path, std::filesystem::file_time_type time) {
    m_data = std::move(data);
    m_data.finalize();
    m_hasData = true;
    m_path = std::move(path);
    m_fileTime = time;
    m_history.clear();
    m_cursor = 0;
    m_stateId = m_savedStateId = m_nextStateId++;
    for (int k = 0; k < kRecordKindCount; ++k) rebuildIds(static_cast<RecordKind>(k));
    touched(kChangedEverything);
}

void Document::clear() {
    replaceAll(Dataset{}, {}, {});
    m_hasData = false;
    m_diagnostics.clear();
}

void Document::rebuildIds(RecordKind kind) {
    auto& ids = m_ids[static_cast<int>(kind)];
    ids.clear();
    withList(m_data, kind, [&](const auto& list) {
        ids.reserve(list.size());
        for (Index i = 0; i < list.size(); ++i) ids.emplace(list[i].id, i);
        return 0;
    });
}

Index Document::find(RecordKind kind, std::string_view id) const {
    const auto& ids = m_ids[static_cast<int>(kind)];
    const auto it = ids.find(id);
    return it == ids.end() ? kNoIndex : it->second;
}

std::vector<Index> Document::eventsUsing(RecordKind kind, Index at) const {
    std::vector<Index> out;
    for (Index e = 0; e < m_data.events.size(); ++e) {
        bool uses = false;
        forEachEventReference(m_data.events[e], kind, [&](const Index& i) { uses |= i == at; });
        if (uses) out.push_back(e);
    }
    return out;
}

std::vector<Index> Document::storiesUsing(RecordKind kind, Index at) const {
    std::vector<Index> out;
    for (Index s = 0; s < m_data.stories.size(); ++s) {
        bool uses = false;
        forEachStoryReference(m_data.stories[s], kind, [&](const Index& i) { uses |= i == at; });
        if (uses) out.push_back(s);
    }
    return out;
}

std::string Document::uniqueId(RecordKind kind, std::string_view base) const {
    // ids are lower-case words joined by '-': "Khojir missile complex" -> "khojir-missile-complex"
    std::string stem;
    for (char c : base) {
        const auto u = static_cast<unsigned char>(c);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            stem += c;
        else if (c >= 'A' && c <= 'Z')
            stem += static_cast<char>(c - 'A' + 'a');
        else if (u >= 0x80)
            stem += c;  // keep non-ASCII letters as they are (valid UTF-8 stays valid)
        else if (!stem.empty() && stem.back() != '-')
            stem += '-';
        if (stem.size() >= 40) break;
    }
    while (!stem.empty() && stem.back() == '-') stem.pop_back();
    if (stem.empty()) stem = recordKindName(kind);
    if (find(kind, stem) == kNoIndex) return stem;
    for (int n = 2;; ++n) {
        std::string id = stem + "-" + std::to_string(n);
        if (find(kind, id) == kNoIndex) return id;
    }
}

void Document::touched(ChangeMask m) {
    ++m_revision;
    m_lastChange = m;
    if (m_changeLog.size() == kChangeLogSize) m_changeLog.erase(m_changeLog.begin());
    m_changeLog.push_back({m_revision, m});
}

ChangeMask Document::changesSince(std::uint64_t revision) const {
    if (revision >= m_revision) return 0;
    if (m_changeLog.empty() || m_changeLog.front().revision > revision + 1) return kChangedEverything;
    ChangeMask m = 0;
    for (const Change& c : m_changeLog)
        if (c.revision > revision) m |= c.mask;
    return m;
}

const std::string& Document::undoName() const {
    static const std::string none;
    return canUndo() ? m_history[m_cursor - 1].edit.name : none;
}

const std::string& Document::redoName() const {
    static const std::string none;
    return canRedo() ? m_history[m_cursor].edit.name : none;
}

// ===========================================================================
// [SECTION] Checking a step
// ===========================================================================

std::string Document::checkRecord(const Record& r, Index at, bool replacing) const {
    const RecordKind kind = recordKind(r);
    const std::string& id = recordId(r);
    if (id.empty()) return std::string("a ") + recordKindName(kind) + " needs an id";
    const Index existing = find(kind, id);
    if (existing != kNoIndex && !(replacing && existing == at))
        return std::string("another ") + recordKindName(kind) + " already has the id \"" + id + "\"";
    std::string problem;
    forEachReferenceIn(r, [&](RecordKind target, Index i) {
        if (i != kNoIndex && i >= recordCount(m_data, target) && problem.empty())
            problem = std::string("refers to ") + recordKindName(target) + " #" + std::to_string(i) +
                      ", which does not exist";
    });
    return problem;
}

EditStep invertStep(const EditStep& step) {
    if (const InfoStep* info = std::get_if<InfoStep>(&step)) return InfoStep{info->after, info->before};
    RecordStep s = std::get<RecordStep>(step);
    switch (s.op) {
        case RecordStep::Op::Insert:
            s.op = RecordStep::Op::Remove;
            std::swap(s.before, s.after);
            break;
        case RecordStep::Op::Remove:
            s.op = RecordStep::Op::Insert;
            std::swap(s.before, s.after);
            break;
        case RecordStep::Op::Replace:
            std::swap(s.before, s.after);
            break;
        case RecordStep::Op::Move:
            std::swap(s.at, s.to);
            break;
    }
    return s;
}

// ===========================================================================
// [SECTION] Applying a step
// ===========================================================================

bool Document::applyStep(const EditStep& step, bool inverse, std::string* error) {
    const EditStep s = inverse ? invertStep(step) : step;
    if (const InfoStep* info = std::get_if<InfoStep>(&s)) {
        setDatasetInfo(m_data, info->after);
        return true;
    }
    return applyRecordStep(std::get<RecordStep>(s), error);
}

bool Document::applyRecordStep(const RecordStep& s, std::string* error) {
    auto fail = [&](std::string why) {
        if (error) *error = std::move(why);
        return false;
    };
    const std::size_t count = recordCount(m_data, s.kind);
    const char* kindName = recordKindName(s.kind);
    const int k = static_cast<int>(s.kind);
    auto& ids = m_ids[k];
    switch (s.op) {
        case RecordStep::Op::Insert: {
            if (!s.after || recordKind(*s.after) != s.kind) return fail("insert: no record of the right kind");
            if (s.at > count) return fail(std::string("insert: no position ") + std::to_string(s.at));
            if (std::string why = checkRecord(*s.after, s.at, false); !why.empty()) return fail(why);
            // Renumber references and ids at or after the new position.
            if (s.at < count) {
                forEachReference(m_data, s.kind, [&](Index& i) {
                    if (i != kNoIndex && i >= s.at) ++i;
                });
                for (auto& [id, i] : ids)
                    if (i >= s.at) ++i;
                if (s.kind == RecordKind::Event)
                    for (Index& i : m_data.eventsByStart)
                        if (i >= s.at) ++i;
            }
            withList(m_data, s.kind, [&](auto& list) {
                using T = typename std::decay_t<decltype(list)>::value_type;
                list.insert(list.begin() + s.at, std::get<T>(*s.after));
                return 0;
            });
            ids.emplace(recordId(*s.after), s.at);
            if (s.kind == RecordKind::Event) {
                const auto pos = startIndexSlot(m_data, s.at);
                m_data.eventsByStart.insert(pos, s.at);
            }
            break;
        }
        case RecordStep::Op::Remove: {
            if (s.at >= count) return fail(std::string("delete: no ") + kindName + " #" + std::to_string(s.at));
            const std::vector<Index> events = eventsUsing(s.kind, s.at);
            const std::vector<Index> stories = storiesUsing(s.kind, s.at);
            if (!events.empty() || !stories.empty()) {
                std::string who;
                for (Index e : events) {
                    if (who.size() > 200) {
                        who += ", \u2026";
                        break;
                    }
                    who += (who.empty() ? "" : ", ") + m_data.events[e].title;
                }
                for (Index st : stories)
                    who += (who.empty() ? "the story " : ", the story ") + m_data.stories[st].title;
                return fail(std::string("the ") + kindName + " is still used by " + std::to_string(events.size()) +
                            (events.size() == 1 ? " event" : " events") +
                            (stories.empty() ? "" : " and " + std::to_string(stories.size()) + " stories") + ": " +
                            who);
            }
            if (s.kind == RecordKind::Event) {
                const auto pos = startIndexSlot(m_data, s.at);
                assert(pos != m_data.eventsByStart.end() && *pos == s.at);
                m_data.eventsByStart.erase(pos);
                for (Index& i : m_data.eventsByStart)
                    if (i > s.at) --i;
            }
            std::string id;
            withList(m_data, s.kind, [&](auto& list) {
                id = list[s.at].id;
                list.erase(list.begin() + s.at);
                return 0;
            });
            ids.erase(id);
            forEachReference(m_data, s.kind, [&](Index& i) {
                if (i != kNoIndex && i > s.at) --i;
            });
            for (auto& [key, i] : ids)
                if (i > s.at) --i;
            break;
        }
        case RecordStep::Op::Replace: {
            if (s.at >= count) return fail(std::string("edit: no ") + kindName + " #" + std::to_string(s.at));
            if (!s.after || recordKind(*s.after) != s.kind) return fail("edit: no record of the right kind");
            if (std::string why = checkRecord(*s.after, s.at, true); !why.empty()) return fail(why);
            if (s.kind == RecordKind::Event) {
                const auto pos = startIndexSlot(m_data, s.at);
                assert(pos != m_data.eventsByStart.end() && *pos == s.at);
                m_data.eventsByStart.erase(pos);
            }
            std::string oldId;
            withList(m_data, s.kind, [&](auto& list) {
                using T = typename std::decay_t<decltype(list)>::value_type;
                oldId = list[s.at].id;
                list[s.at] = std::get<T>(*s.after);
                return 0;
            });
            if (oldId != recordId(*s.after)) {
                ids.erase(oldId);
                ids.emplace(recordId(*s.after), s.at);
            }
            if (s.kind == RecordKind::Event) {
                const auto pos = startIndexSlot(m_data, s.at);
                m_data.eventsByStart.insert(pos, s.at);
            }
            break;
        }
        case RecordStep::Op::Move: {
            if (s.at >= count || s.to >= count)
                return fail(std::string("reorder: no ") + kindName + " #" + std::to_string(std::max(s.at, s.to)));
            if (s.at == s.to) break;
            withList(m_data, s.kind, [&](auto& list) {
                auto item = std::move(list[s.at]);
                list.erase(list.begin() + s.at);
                list.insert(list.begin() + s.to, std::move(item));
                return 0;
            });
            forEachReference(m_data, s.kind, [&](Index& i) { i = movedIndex(i, s.at, s.to); });
            for (auto& [id, i] : ids) i = movedIndex(i, s.at, s.to);
            if (s.kind == RecordKind::Event)
                for (Index& i : m_data.eventsByStart) i = movedIndex(i, s.at, s.to);
            break;
        }
    }
    if (s.kind == RecordKind::Event || s.kind == RecordKind::Era) recomputeExtent(m_data);
    if (s.kind == RecordKind::Event) m_data.linkAnswers();  // derived: never taken from an edit's record
    return true;
}

// ===========================================================================
// [SECTION] History
// ===========================================================================

bool Document::apply(Edit edit, std::string* error, std::string_view coalesceKey) {
    if (edit.empty()) return true;
    ChangeMask mask = 0;
    for (std::size_t i = 0; i < edit.steps.size(); ++i) {
        std::string why;
        if (!applyStep(edit.steps[i], false, &why)) {
            // Roll back the steps already applied: nothing changes.
            for (std::size_t j = i; j-- > 0;) {
                [[maybe_unused]] const bool undone = applyStep(edit.steps[j], true, nullptr);
                assert(undone);
            }
            if (error) *error = edit.name.empty() ? why : "cannot " + edit.name + ": " + why;
            return false;
        }
        const EditStep& st = edit.steps[i];
        mask |= std::holds_alternative<InfoStep>(st) ? kChangedInfo : changeBit(std::get<RecordStep>(st).kind);
    }
    m_history.resize(m_cursor);  // a new edit drops what could have been redone
    const bool merge = !coalesceKey.empty() && !m_history.empty() && m_history.back().coalesceKey == coalesceKey &&
                       m_history.back().stateAfter == m_stateId;
    if (merge) {
        Entry& last = m_history.back();
        for (EditStep& s : edit.steps) last.edit.steps.push_back(std::move(s));
        last.stateAfter = m_stateId = m_nextStateId++;
    } else {
        Entry entry{std::move(edit), m_stateId, 0, std::string(coalesceKey)};
        entry.stateAfter = m_stateId = m_nextStateId++;
        m_history.push_back(std::move(entry));
    }
    m_cursor = m_history.size();
    touched(mask);
    return true;
}

bool Document::undo() {
    if (!canUndo()) return false;
    Entry& entry = m_history[m_cursor - 1];
    ChangeMask mask = 0;
    for (std::size_t j = entry.edit.steps.size(); j-- > 0;) {
        [[maybe_unused]] const bool ok = applyStep(entry.edit.steps[j], true, nullptr);
        assert(ok && "an applied edit can always be undone");
        const EditStep& st = entry.edit.steps[j];
        mask |= std::holds_alternative<InfoStep>(st) ? kChangedInfo : changeBit(std::get<RecordStep>(st).kind);
    }
    --m_cursor;
    m_stateId = entry.stateBefore;
    touched(mask);
    return true;
}

bool Document::redo() {
    if (!canRedo()) return false;
    Entry& entry = m_history[m_cursor];
    ChangeMask mask = 0;
    for (const EditStep& st : entry.edit.steps) {
        [[maybe_unused]] const bool ok = applyStep(st, false, nullptr);
        assert(ok && "an undone edit can always be redone");
        mask |= std::holds_alternative<InfoStep>(st) ? kChangedInfo : changeBit(std::get<RecordStep>(st).kind);
    }
    ++m_cursor;
    m_stateId = entry.stateAfter;
    touched(mask);
    return true;
}

}  // namespace meridian
